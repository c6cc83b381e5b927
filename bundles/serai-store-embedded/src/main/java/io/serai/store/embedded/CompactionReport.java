package io.serai.store.embedded;

/** What one compaction run did. */
public record CompactionReport(int segmentsDeleted, long bytesReclaimed, int messagesMoved) {
}
