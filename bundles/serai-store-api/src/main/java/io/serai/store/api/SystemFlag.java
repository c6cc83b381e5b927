package io.serai.store.api;

/** IMAP system flags (RFC 3501 section 2.3.2). \Recent is per session and not stored. */
public enum SystemFlag {
    SEEN("\\Seen"),
    ANSWERED("\\Answered"),
    FLAGGED("\\Flagged"),
    DELETED("\\Deleted"),
    DRAFT("\\Draft");

    private final String imapName;

    SystemFlag(String imapName) {
        this.imapName = imapName;
    }

    public String imapName() {
        return imapName;
    }

    /** Bit used in compact encodings. */
    public int bit() {
        return 1 << ordinal();
    }
}
