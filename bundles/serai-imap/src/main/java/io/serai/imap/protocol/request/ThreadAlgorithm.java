package io.serai.imap.protocol.request;

/** {@code thread-alg} (RFC 5256 §3): the algorithms advertised as {@code THREAD=...}. */
public enum ThreadAlgorithm { ORDEREDSUBJECT, REFERENCES }
