package io.serai.smtp.protocol;

import io.serai.smtp.api.SmtpReply;

/**
 * The fixed replies of the server, each with its RFC 5321 §4.2 code and RFC 3463 enhanced status code, so reply
 * semantics live in one place.
 */
public final class Replies {

    public static final SmtpReply OK = SmtpReply.of(250, "2.0.0", "OK");
    public static final SmtpReply SENDER_OK = SmtpReply.of(250, "2.1.0", "Sender OK");
    public static final SmtpReply RECIPIENT_OK = SmtpReply.of(250, "2.1.5", "Recipient OK");
    public static final SmtpReply RESET_OK = SmtpReply.of(250, "2.0.0", "Reset OK");
    public static final SmtpReply START_DATA = SmtpReply.of(354, null, "End data with <CR><LF>.<CR><LF>");
    public static final SmtpReply READY_TO_START_TLS = SmtpReply.of(220, "2.0.0", "Ready to start TLS");
    public static final SmtpReply AUTH_OK = SmtpReply.of(235, "2.7.0", "Authentication successful");
    public static final SmtpReply CANNOT_VRFY =
            SmtpReply.of(252, "2.5.0", "Cannot VRFY user, but will accept message and attempt delivery");
    public static final SmtpReply HELP = SmtpReply.of(214, "2.0.0", "See RFC 5321");

    public static final SmtpReply TOO_MANY_ERRORS = SmtpReply.of(421, "4.7.0", "Too many errors, closing connection");
    public static final SmtpReply TOO_MANY_AUTH_FAILURES =
            SmtpReply.of(421, "4.7.0", "Too many authentication failures, closing connection");
    public static final SmtpReply TOO_MANY_RECIPIENTS = SmtpReply.of(452, "4.5.3", "Too many recipients");
    public static final SmtpReply RECIPIENT_UNAVAILABLE =
            SmtpReply.of(450, "4.2.1", "Mailbox temporarily unavailable, try again later");
    public static final SmtpReply LOCAL_ERROR = SmtpReply.of(451, "4.3.0", "Local error in processing");
    public static final SmtpReply TLS_NOT_AVAILABLE = SmtpReply.of(454, "4.7.0", "TLS not available");

    public static final SmtpReply UNKNOWN_COMMAND = SmtpReply.of(500, "5.5.1", "Command unrecognized");
    public static final SmtpReply BAD_ENCODING = SmtpReply.of(500, "5.5.2", "Syntax error: invalid UTF-8");
    public static final SmtpReply NO_VALID_RECIPIENTS = SmtpReply.of(554, "5.5.1", "No valid recipients");
    public static final SmtpReply VRFY_SYNTAX = SmtpReply.of(501, "5.5.4", "Syntax: VRFY <string>");
    public static final SmtpReply LINE_TOO_LONG = SmtpReply.of(500, "5.5.6", "Line too long");
    public static final SmtpReply BARE_LINE_ENDING_IN_COMMAND =
            SmtpReply.of(500, "5.5.2", "Bare CR or LF in command; lines must end with CRLF (RFC 5321 4.1.1.4)");
    public static final SmtpReply NO_ARGUMENTS_ALLOWED = SmtpReply.of(501, "5.5.4", "Syntax error: no arguments allowed");
    public static final SmtpReply BAD_DOMAIN = SmtpReply.of(501, "5.5.4", "Syntax error: domain or address literal expected");
    public static final SmtpReply BAD_MAIL_SYNTAX = SmtpReply.of(501, "5.5.4", "Syntax error: MAIL FROM:<reverse-path>");
    public static final SmtpReply BAD_RCPT_SYNTAX = SmtpReply.of(501, "5.5.4", "Syntax error: RCPT TO:<forward-path>");
    public static final SmtpReply BAD_SENDER_ADDRESS = SmtpReply.of(501, "5.1.7", "Bad sender address syntax");
    public static final SmtpReply BAD_RECIPIENT_ADDRESS = SmtpReply.of(501, "5.1.3", "Bad recipient address syntax");
    public static final SmtpReply NON_ASCII_WITHOUT_SMTPUTF8 =
            SmtpReply.of(553, "5.6.7", "Non-ASCII address requires SMTPUTF8 (RFC 6531)");
    public static final SmtpReply BAD_BDAT_SYNTAX = SmtpReply.of(501, "5.5.4", "Syntax error: BDAT <size> [LAST]");
    public static final SmtpReply BAD_BASE64 = SmtpReply.of(501, "5.5.2", "Invalid base64 data");
    public static final SmtpReply AUTH_CANCELLED = SmtpReply.of(501, "5.0.0", "Authentication cancelled");
    public static final SmtpReply NOT_IMPLEMENTED = SmtpReply.of(502, "5.5.1", "Command not implemented");
    public static final SmtpReply SEND_HELLO_FIRST = SmtpReply.of(503, "5.5.1", "Send EHLO or HELO first");
    public static final SmtpReply NESTED_MAIL = SmtpReply.of(503, "5.5.1", "Sender already specified");
    public static final SmtpReply NEED_MAIL = SmtpReply.of(503, "5.5.1", "Need MAIL command first");
    public static final SmtpReply NEED_RCPT = SmtpReply.of(503, "5.5.1", "Need RCPT command first");
    public static final SmtpReply ALREADY_AUTHENTICATED = SmtpReply.of(503, "5.5.1", "Already authenticated");
    public static final SmtpReply AUTH_IN_TRANSACTION = SmtpReply.of(503, "5.5.1", "AUTH not allowed during a mail transaction");
    public static final SmtpReply TLS_ALREADY_ACTIVE = SmtpReply.of(503, "5.5.1", "TLS already active");
    public static final SmtpReply DATA_AFTER_BDAT = SmtpReply.of(503, "5.5.1", "DATA not allowed after BDAT");
    public static final SmtpReply UNRECOGNIZED_PARAMETER =
            SmtpReply.of(555, "5.5.4", "MAIL FROM/RCPT TO parameter not recognized or not implemented");
    public static final SmtpReply UNKNOWN_MECHANISM = SmtpReply.of(504, "5.5.4", "Unrecognized authentication mechanism");
    public static final SmtpReply AUTH_REQUIRED = SmtpReply.of(530, "5.7.0", "Authentication required");
    public static final SmtpReply TLS_REQUIRED_FOR_AUTH =
            SmtpReply.of(538, "5.7.11", "Encryption required for requested authentication mechanism");
    public static final SmtpReply AUTH_FAILED = SmtpReply.of(535, "5.7.8", "Authentication credentials invalid");
    public static final SmtpReply AUTH_MALFORMED = SmtpReply.of(501, "5.5.2", "Malformed authentication response");
    public static final SmtpReply UNKNOWN_USER = SmtpReply.of(550, "5.1.1", "Mailbox unknown");
    public static final SmtpReply RELAY_DENIED = SmtpReply.of(550, "5.7.1", "Relay access denied");
    public static final SmtpReply MESSAGE_TOO_BIG = SmtpReply.of(552, "5.3.4", "Message size exceeds fixed maximum message size");
    public static final SmtpReply BARE_LINE_ENDING_IN_DATA = SmtpReply.of(554, "5.6.0",
            "Message rejected: bare CR or LF; lines must end with CRLF (RFC 5321 2.3.8)");
    public static final SmtpReply DATA_LINE_TOO_LONG =
            SmtpReply.of(554, "5.6.0", "Message rejected: line longer than allowed (RFC 5321 4.5.3.1.6)");

    private Replies() {
    }

    public static SmtpReply greeting(String hostname) {
        // RFC 5321 §4.3.1: the greeting names the server; enhanced codes do not apply to it (RFC 2034 §3)
        return SmtpReply.of(220, null, hostname + " ESMTP Serai");
    }

    public static SmtpReply closing(String hostname) {
        return SmtpReply.of(221, "2.0.0", hostname + " closing connection");
    }

    public static SmtpReply helo(String hostname, String clientName) {
        return SmtpReply.of(250, null, hostname + " greets " + clientName);
    }

    public static SmtpReply queued(String transactionId) {
        return SmtpReply.of(250, "2.0.0", "OK queued as " + transactionId);
    }

    public static SmtpReply chunkReceived(long size) {
        return SmtpReply.of(250, "2.0.0", size + " octets received");
    }

    public static SmtpReply shuttingDown(String hostname) {
        return SmtpReply.of(421, "4.3.2", hostname + " service not available, closing connection");
    }

    public static SmtpReply timeout(String hostname) {
        return SmtpReply.of(421, "4.4.2", hostname + " timeout waiting for input, closing connection");
    }

    public static SmtpReply tooManyConnections(String hostname) {
        return SmtpReply.of(421, "4.7.0", hostname + " too many connections, try again later");
    }
}
