package io.serai.store.api;

import java.time.Instant;
import java.util.Objects;

/** One message to append: its raw RFC 5322 bytes (CRLF line ends, stored exactly), internal date and flags. */
public record AppendRequest(ContentSource content, Instant internalDate, Flags flags) {
    public AppendRequest {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(internalDate, "internalDate");
        Objects.requireNonNull(flags, "flags");
    }

    public static AppendRequest of(ContentSource content) {
        return new AppendRequest(content, Instant.now(), Flags.NONE);
    }
}
