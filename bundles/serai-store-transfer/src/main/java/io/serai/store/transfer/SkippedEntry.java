package io.serai.store.transfer;

import java.util.Objects;

/**
 * Something that was not transferred, and why: a message file, an mbox message, a folder or a keyword.
 *
 * @param source where it came from: a file path, {@code path#line} for an mbox message, or a store
 *               mailbox name (with {@code #uid} for a message) on export
 * @param reason a sentence for the user
 */
public record SkippedEntry(String source, String reason) {
    public SkippedEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
