package io.serai.store.api;

import java.util.Optional;

/** Resolves an envelope address to an account, following aliases, sub-addressing and catch-all. */
public interface RecipientResolver {

    /**
     * Resolves {@code user+detail@domain} (RFC 5233 sub-addressing) and aliases.
     * Empty when the domain is not local or the address is unknown.
     */
    Optional<Recipient> resolve(String address);
}
