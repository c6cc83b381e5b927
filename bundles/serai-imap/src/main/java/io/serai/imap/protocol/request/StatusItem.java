package io.serai.imap.protocol.request;

/** The {@code status-att} items (RFC 9051 §6.3.11; HIGHESTMODSEQ from RFC 7162, APPENDLIMIT from RFC 7889). */
public enum StatusItem {
    MESSAGES, UIDNEXT, UIDVALIDITY, UNSEEN, DELETED, SIZE, RECENT, HIGHESTMODSEQ, APPENDLIMIT
}
