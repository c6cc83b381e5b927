package io.serai.imap.protocol.request;

/** {@code sort-criterion = ["REVERSE" SP] sort-key} (RFC 5256 §5). */
public record SortCriterion(SortKey key, boolean reverse) {
}
