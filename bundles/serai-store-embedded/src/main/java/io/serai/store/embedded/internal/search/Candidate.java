package io.serai.store.embedded.internal.search;

import io.serai.store.api.MessageMeta;

/** A message as seen by a search: metadata from memory, plus where to read its bytes and structure. */
public record Candidate(MessageMeta meta, long ref, int metaLength) {
}
