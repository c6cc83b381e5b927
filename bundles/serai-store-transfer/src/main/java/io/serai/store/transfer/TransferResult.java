package io.serai.store.transfer;

import java.util.List;

/**
 * What an import or export did. Nothing is dropped silently: every message, file or folder that was not
 * transferred is listed in {@link #skipped()} with its reason.
 *
 * @param messages          messages appended to the store (import) or written to files (export)
 * @param mailboxesCreated  store mailboxes created by an import, or folders/files written by an export
 * @param skipped           entries that were not transferred
 */
public record TransferResult(long messages, List<String> mailboxesCreated, List<SkippedEntry> skipped) {
    public TransferResult {
        mailboxesCreated = List.copyOf(mailboxesCreated);
        skipped = List.copyOf(skipped);
    }

    /** True when nothing was skipped. */
    public boolean complete() {
        return skipped.isEmpty();
    }
}
