package io.serai.smtp.api;

/**
 * Decides at RCPT time whether a recipient in a local domain exists, so unknown users are refused with
 * {@code 550 5.1.1} before any data is sent (RFC 5321 §3.3, RFC 3463 §3.2). It may block (a store look-up): the
 * server calls it off the network I/O threads.
 */
@FunctionalInterface
public interface RecipientValidator {

    RecipientStatus check(String address);

    /** Accepts every recipient of the local domains. */
    static RecipientValidator acceptAll() {
        return address -> RecipientStatus.ACCEPT;
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
