package io.serai.imap.protocol.response;

/** Status condition of a status response (RFC 9051 §7.1). */
public enum Status {
    OK, NO, BAD, PREAUTH, BYE
}
