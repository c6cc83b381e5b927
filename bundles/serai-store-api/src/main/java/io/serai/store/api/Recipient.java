package io.serai.store.api;

import java.util.Objects;
import java.util.Optional;

/** The account a recipient address resolved to, with the sub-address detail if there was one. */
public record Recipient(String account, Optional<String> detail) {
    public Recipient {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(detail, "detail");
    }
}
