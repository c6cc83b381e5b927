package io.serai.camel.imapidle;

import org.apache.camel.spi.Metadata;

/** Headers of the exchanges an {@code imap-idle:} consumer creates; the body is the message's raw MIME bytes. */
public final class ImapIdleConstants {

    @Metadata(description = "The message's UID in the folder (RFC 3501 section 2.3.1.1).", javaType = "long")
    public static final String UID = "SeraiImapUid";
    @Metadata(description = "The folder's UIDVALIDITY; with the UID it names the message for good.", javaType = "long")
    public static final String UID_VALIDITY = "SeraiImapUidValidity";
    @Metadata(description = "The folder the message was read from.", javaType = "String")
    public static final String FOLDER = "SeraiImapFolder";
    @Metadata(description = "The From addresses, decoded (RFC 2047), comma separated.", javaType = "String")
    public static final String FROM = "SeraiImapFrom";
    @Metadata(description = "The To addresses, decoded (RFC 2047), comma separated.", javaType = "String")
    public static final String TO = "SeraiImapTo";
    @Metadata(description = "The Subject, decoded (RFC 2047).", javaType = "String")
    public static final String SUBJECT = "SeraiImapSubject";
    @Metadata(description = "The Message-ID header.", javaType = "String")
    public static final String MESSAGE_ID = "SeraiImapMessageId";
    @Metadata(description = "The message size in octets as the server reports it (RFC822.SIZE).", javaType = "long")
    public static final String SIZE = "SeraiImapSize";
    @Metadata(description = "The idempotency key: uidvalidity:uid, unique for the folder for good.",
            javaType = "String")
    public static final String MESSAGE_KEY = "SeraiImapMessageKey";

    private ImapIdleConstants() {
    }
}
