package io.serai.store.transfer.internal;

import java.time.Instant;
import java.util.Optional;

import io.serai.store.api.Flags;

/**
 * One message found in an mbox file: where its bytes are (after the From line, before the separating empty
 * line), what its From line and status headers said.
 *
 * @param line  the line number of its From line, 1-based, for messages to the user
 * @param start offset of the first byte after the From line
 * @param end   offset just past the message
 */
public record MboxMessage(long line, long start, long end, String sender, Optional<Instant> date, Flags flags) {

    public long length() {
        return end - start;
    }
}
