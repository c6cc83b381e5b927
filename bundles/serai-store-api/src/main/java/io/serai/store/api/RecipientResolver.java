package io.serai.store.api;

import java.util.Optional;

/** Resolves an envelope address to an account, following aliases, sub-addressing and catch-all. */
public interface RecipientResolver {

    /**
     * Resolves {@code user+detail@domain} (RFC 5233 sub-addressing) and aliases.
     * Empty when the domain is not local or the address is unknown.
     */
    Optional<Recipient> resolve(String address);

    /**
     * Whether {@link #resolve} and {@link Accounts#isLocalDomain} answer from memory, never waiting on I/O or on a
     * lock held across I/O. An SMTP server may then answer RCPT on its network thread, without a hand-off to
     * another thread and back. False unless the store says otherwise.
     */
    default boolean answersFromMemory() {
        return false;
    }
}
