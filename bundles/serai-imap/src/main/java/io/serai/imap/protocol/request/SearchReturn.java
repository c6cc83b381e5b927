package io.serai.imap.protocol.request;

/** {@code search-return-opt} (RFC 4731 §3.1, RFC 5182 §2.4 for SAVE, RFC 9394 §3 for PARTIAL). */
public enum SearchReturn { MIN, MAX, COUNT, ALL, SAVE, PARTIAL }
