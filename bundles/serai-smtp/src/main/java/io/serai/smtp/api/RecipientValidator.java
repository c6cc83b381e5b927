package io.serai.smtp.api;

/**
 * Decides at RCPT time whether a recipient in a local domain exists, so unknown users are refused with
 * {@code 550 5.1.1} before any data is sent (RFC 5321 §3.3, RFC 3463 §3.2). It may block (a database or
 * directory look-up): unless {@link #mayBlock()} says otherwise, the server calls it off the network I/O threads.
 */
@FunctionalInterface
public interface RecipientValidator {

    RecipientStatus check(String address);

    /**
     * Whether {@link #check} may block. A validator that answers from memory returns false, and the server then
     * answers RCPT on its network thread without a hand-off to another thread.
     */
    default boolean mayBlock() {
        return true;
    }

    /** Accepts every recipient of the local domains. */
    static RecipientValidator acceptAll() {
        return nonBlocking(address -> RecipientStatus.ACCEPT);
    }

    /** Marks {@code validator} as answering from memory, without blocking (see {@link #mayBlock()}). */
    static RecipientValidator nonBlocking(RecipientValidator validator) {
        return new RecipientValidator() {
            @Override
            public RecipientStatus check(String address) {
                return validator.check(address);
            }

            @Override
            public boolean mayBlock() {
                return false;
            }
        };
    }

    /** The outcome of a check. */
    enum RecipientStatus {
        /** 250 2.1.5 */
        ACCEPT,
        /** 550 5.1.1 */
        UNKNOWN_USER,
        /** 450 4.2.1: e.g. the store is unavailable; the client retries later */
        TEMPORARILY_UNAVAILABLE
    }
}
