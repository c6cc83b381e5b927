package io.serai.store.transfer.internal;

import java.util.ArrayList;
import java.util.List;

import io.serai.store.transfer.SkippedEntry;
import io.serai.store.transfer.TransferProgress;
import io.serai.store.transfer.TransferResult;

/** Counts what one import or export run did and reports progress; not thread-safe (one run, one thread). */
public final class ResultCollector {
    private final TransferProgress progress;
    private final List<String> created = new ArrayList<>();
    private final List<SkippedEntry> skipped = new ArrayList<>();
    private long messages;

    public ResultCollector(TransferProgress progress) {
        this.progress = progress;
    }

    public void transferred(String mailbox, int count) {
        messages += count;
        progress.progress(mailbox, messages, skipped.size());
    }

    public void created(String mailbox) {
        created.add(mailbox);
    }

    public void skipped(String source, String reason) {
        skipped.add(new SkippedEntry(source, reason));
    }

    public TransferResult result() {
        return new TransferResult(messages, created, skipped);
    }
}
