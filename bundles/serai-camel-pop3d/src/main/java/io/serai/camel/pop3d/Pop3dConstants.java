package io.serai.camel.pop3d;

import org.apache.camel.spi.Metadata;

/** Headers of the exchanges a {@code pop3d:} consumer creates; the body is empty. */
public final class Pop3dConstants {

    @Metadata(description = "What the client did: retrieved (RETR written out completely) or deleted (expunged at QUIT).",
            javaType = "String", enums = "retrieved,deleted")
    public static final String EVENT = "SeraiPop3Event";
    @Metadata(description = "The authenticated account.", javaType = "String")
    public static final String ACCOUNT = "SeraiPop3Account";
    @Metadata(description = "The message's UID in the account's INBOX.", javaType = "long")
    public static final String UID = "SeraiPop3Uid";
    @Metadata(description = "The unique-id listing value the client saw (RFC 1939 section 7).", javaType = "String")
    public static final String UIDL = "SeraiPop3Uidl";
    @Metadata(description = "The message size in octets.", javaType = "long")
    public static final String SIZE = "SeraiPop3Size";
    @Metadata(description = "The client's address.", javaType = "String")
    public static final String CLIENT = "SeraiPop3Client";

    public static final String RETRIEVED = "retrieved";
    public static final String DELETED = "deleted";

    private Pop3dConstants() {
    }
}
