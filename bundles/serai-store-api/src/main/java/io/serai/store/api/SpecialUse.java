package io.serai.store.api;

/** SPECIAL-USE mailbox attributes (RFC 6154) created for every new account. */
public enum SpecialUse {
    SENT("\\Sent", "Sent"),
    DRAFTS("\\Drafts", "Drafts"),
    TRASH("\\Trash", "Trash"),
    JUNK("\\Junk", "Junk"),
    ARCHIVE("\\Archive", "Archive");

    private final String attribute;
    private final String defaultName;

    SpecialUse(String attribute, String defaultName) {
        this.attribute = attribute;
        this.defaultName = defaultName;
    }

    /** The LIST attribute, e.g. {@code \Sent}. */
    public String attribute() {
        return attribute;
    }

    public String defaultName() {
        return defaultName;
    }
}
