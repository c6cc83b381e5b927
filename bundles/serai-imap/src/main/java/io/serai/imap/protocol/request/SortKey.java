package io.serai.imap.protocol.request;

/** {@code sort-key} (RFC 5256 §5), with DISPLAYFROM and DISPLAYTO from RFC 5957 §4. */
public enum SortKey { ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO, DISPLAYFROM, DISPLAYTO }
