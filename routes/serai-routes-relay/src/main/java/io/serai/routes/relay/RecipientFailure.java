package io.serai.routes.relay;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why one recipient was not delivered on an attempt.
 *
 * @param recipient  the address
 * @param permanent  a 5xx reply: retrying cannot help
 * @param status     the enhanced status code (RFC 3463) for the DSN
 * @param diagnostic the server's reply, or a description of the local error
 * @param smtpReply  whether {@code diagnostic} is an SMTP reply (RFC 3464 §2.3.6 diagnostic-type {@code smtp})
 */
record RecipientFailure(String recipient, boolean permanent, String status, String diagnostic, boolean smtpReply) {

    private static final Pattern ENHANCED = Pattern.compile("\\b([245]\\.\\d{1,3}\\.\\d{1,3})\\b");

    /** A failure from an SMTP reply code and text; the enhanced code is taken from the text when present. */
    static RecipientFailure fromReply(String recipient, int code, String text) {
        boolean permanent = code >= 500;
        Matcher m = ENHANCED.matcher(text == null ? "" : text);
        String status = m.find() && m.group(1).charAt(0) == (permanent ? '5' : '4') ? m.group(1)
                : permanent ? "5.0.0" : "4.0.0";
        return new RecipientFailure(recipient, permanent, status, text == null ? Integer.toString(code) : text.strip(),
                true);
    }

    /** A temporary local failure (no connection, TLS, authentication): worth retrying. */
    static RecipientFailure local(String recipient, String description) {
        return new RecipientFailure(recipient, false, "4.4.1", description, false);
    }

    /** The same failure, final because the message's lifetime is over (RFC 3463 4.4.7). */
    RecipientFailure expired() {
        return new RecipientFailure(recipient, true, "4.4.7", diagnostic, smtpReply);
    }
}
