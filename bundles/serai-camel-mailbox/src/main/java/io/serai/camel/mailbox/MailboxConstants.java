package io.serai.camel.mailbox;

import org.apache.camel.spi.Metadata;

/**
 * Headers of {@code mailbox:}. The consumer sets the message headers; the producer sets UID and UIDVALIDITY and
 * reads only the {@code Target} headers, so a route from one mailbox to another never re-targets by accident.
 */
public final class MailboxConstants {

    @Metadata(label = "consumer", description = "The account the message is in.", javaType = "String")
    public static final String ACCOUNT = "SeraiMailboxAccount";
    @Metadata(label = "consumer", description = "The folder the message is in.", javaType = "String")
    public static final String FOLDER = "SeraiMailboxFolder";
    @Metadata(description = "The message's UID in the folder (consumer), or the UID the append got (producer).",
            javaType = "long")
    public static final String UID = "SeraiMailboxUid";
    @Metadata(description = "The folder's UIDVALIDITY (RFC 3501 section 2.3.1.1).", javaType = "long")
    public static final String UID_VALIDITY = "SeraiMailboxUidValidity";
    @Metadata(label = "consumer", description = "Flags and keywords in IMAP form, e.g. \\Seen, $label.",
            javaType = "java.util.List<String>")
    public static final String FLAGS = "SeraiMailboxFlags";
    @Metadata(label = "consumer", description = "Size in octets (RFC822.SIZE).", javaType = "long")
    public static final String SIZE = "SeraiMailboxSize";
    @Metadata(label = "consumer", description = "The IMAP internal date.", javaType = "java.time.Instant")
    public static final String INTERNAL_DATE = "SeraiMailboxInternalDate";
    @Metadata(label = "consumer", description = "The From header field, unfolded, RFC 2047 encoded words decoded.",
            javaType = "String")
    public static final String FROM = "SeraiMailboxFrom";
    @Metadata(label = "consumer", description = "The To header field, unfolded, encoded words decoded.",
            javaType = "String")
    public static final String TO = "SeraiMailboxTo";
    @Metadata(label = "consumer", description = "The Subject header field, unfolded, encoded words decoded.",
            javaType = "String")
    public static final String SUBJECT = "SeraiMailboxSubject";
    @Metadata(label = "consumer", description = "True when the message failed before and is tried again after a "
            + "restart.", javaType = "boolean")
    public static final String REDELIVERED = "SeraiMailboxRedelivered";
    @Metadata(label = "producer", description = "Account to append to, instead of the one in the URI.",
            javaType = "String")
    public static final String TARGET_ACCOUNT = "SeraiMailboxTargetAccount";
    @Metadata(label = "producer", description = "Folder to append to, instead of the one in the URI.",
            javaType = "String")
    public static final String TARGET_FOLDER = "SeraiMailboxTargetFolder";
    @Metadata(label = "producer", description = "Internal date of the appended message; default: now.",
            javaType = "java.time.Instant")
    public static final String TARGET_INTERNAL_DATE = "SeraiMailboxTargetInternalDate";

    @Metadata(label = "consumer", description = "With attachments=true: how many attachments were left out "
            + "(over maxAttachments or maxAttachmentSize).", javaType = "int")
    public static final String ATTACHMENTS_SKIPPED = "SeraiMailboxAttachmentsSkipped";

    private MailboxConstants() {
    }
}
