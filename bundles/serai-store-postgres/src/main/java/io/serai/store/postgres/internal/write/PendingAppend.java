package io.serai.store.postgres.internal.write;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.serai.store.api.AppendResult;
import io.serai.store.api.Flags;
import io.serai.store.postgres.internal.content.PreparedContent;

/** One appendAll call, read and parsed, waiting for its transaction; its messages get consecutive UIDs. */
public record PendingAppend(long mailboxId, List<Message> messages, CompletableFuture<AppendResult> result) {

    /** One message of it. */
    public record Message(PreparedContent content, Instant internalDate, Flags flags) {
    }

    public PendingAppend {
        messages = List.copyOf(messages);
    }

    public long octets() {
        return messages.stream().mapToLong(m -> m.content().size()).sum();
    }

    public boolean large() {
        return messages.stream().anyMatch(m -> m.content().spool().isPresent());
    }
}
