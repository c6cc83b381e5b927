package io.serai.camel.smtpd;

import org.apache.camel.spi.Metadata;

/**
 * The exchange headers of the {@code smtpd:} consumer. All but {@link #REPLY} are set by the consumer from the
 * envelope the server accepted; {@link #REPLY} is read back from the route when it has finished.
 */
public final class SmtpdConstants {

    @Metadata(description = "The received message as bytes (trace headers followed by the client's data). Use it"
            + " to open the content more than once, e.g. one delivery per recipient. Valid only until the route"
            + " has finished: a spooled copy is deleted then.",
            javaType = "io.serai.smtp.api.MessageContent")
    public static final String CONTENT = "SeraiSmtpContent";

    @Metadata(description = "The whole accepted envelope (RFC 5321 §2.3.1).", javaType = "io.serai.smtp.api.Envelope")
    public static final String ENVELOPE = "SeraiSmtpEnvelope";

    @Metadata(description = "The MAIL FROM reverse-path, the empty string for the null reverse-path <> (bounces).",
            javaType = "String")
    public static final String ENVELOPE_FROM = "SeraiSmtpEnvelopeFrom";

    @Metadata(description = "The accepted RCPT TO addresses, in order.", javaType = "java.util.List<String>")
    public static final String RECIPIENTS = "SeraiSmtpRecipients";

    @Metadata(description = "The accepted recipients with their DSN parameters NOTIFY= and ORCPT= (RFC 3461 §4).",
            javaType = "java.util.List<io.serai.smtp.api.Recipient>")
    public static final String ENVELOPE_RECIPIENTS = "SeraiSmtpEnvelopeRecipients";

    @Metadata(description = "The client's IP address (no reverse DNS).", javaType = "String")
    public static final String CLIENT_ADDRESS = "SeraiSmtpClientAddress";

    @Metadata(description = "The domain the client gave in HELO/EHLO.", javaType = "String")
    public static final String HELO_NAME = "SeraiSmtpHeloName";

    @Metadata(description = "Whether the transaction ran over TLS (STARTTLS or implicit TLS).", javaType = "Boolean")
    public static final String TLS = "SeraiSmtpTls";

    @Metadata(description = "The SASL identity of the session (RFC 4954); absent when it did not authenticate.",
            javaType = "String")
    public static final String AUTHENTICATED_USER = "SeraiSmtpAuthenticatedUser";

    @Metadata(description = "The id the server put in its Received: header and in its 250 reply.", javaType = "String")
    public static final String TRANSACTION_ID = "SeraiSmtpTransactionId";

    @Metadata(description = "Whether the client asked for SMTPUTF8 (RFC 6531 §3.4).", javaType = "Boolean")
    public static final String SMTPUTF8 = "SeraiSmtpUtf8";

    @Metadata(description = "The MAIL FROM BODY= value: 7BIT or 8BITMIME (RFC 6152).", javaType = "String",
            enums = "7BIT,8BITMIME")
    public static final String BODY_TYPE = "SeraiSmtpBodyType";

    @Metadata(description = "The DSN RET= value, FULL or HDRS (RFC 3461 §4.3); absent when not sent.",
            javaType = "String", enums = "FULL,HDRS")
    public static final String DSN_RET = "SeraiSmtpDsnRet";

    @Metadata(description = "The DSN ENVID= value as sent, in xtext (RFC 3461 §4.4); absent when not sent.",
            javaType = "String")
    public static final String DSN_ENVID = "SeraiSmtpDsnEnvid";

    @Metadata(description = "The size in bytes of the content (trace headers included).", javaType = "Long")
    public static final String MESSAGE_SIZE = "SeraiSmtpMessageSize";

    @Metadata(description = "Set by the route to choose the reply to the end of data: an io.serai.smtp.api.SmtpReply"
            + " or a String such as \"250 2.0.0 Stored\" or \"550 5.7.1 Refused\". A 2xx is sent only if the"
            + " exchange did not fail; an unparsable value is answered with 451 4.3.0.",
            javaType = "Object")
    public static final String REPLY = "SeraiSmtpReply";

    private SmtpdConstants() {
    }
}
