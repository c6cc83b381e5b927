package io.serai.camel.smtpd.internal;

import io.serai.smtp.api.SmtpReply;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code SeraiSmtpReply} header: an {@link SmtpReply}, or a reply line such as {@code "250 2.0.0 Stored"},
 * {@code "550 5.7.1 Refused"} or {@code "451 Try later"} (code, optional RFC 3463 enhanced code, text).
 */
final class ReplyHeader {

    private static final Pattern LINE = Pattern.compile("([245]\\d\\d)(?: ([245]\\.\\d{1,3}\\.\\d{1,3}))?(?: (.*))?");

    private ReplyHeader() {
    }

    /**
     * @return the reply, or {@code null} when the header is absent
     * @throws IllegalArgumentException when the value is not a 2xx, 4xx or 5xx reply (3xx belongs to the dialogue)
     */
    static SmtpReply parse(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof SmtpReply reply) {
            return requireFinal(reply);
        }
        Matcher m = LINE.matcher(value.toString().strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an SMTP reply: " + value);
        }
        int code = Integer.parseInt(m.group(1));
        String text = m.group(3) == null || m.group(3).isBlank() ? defaultText(code) : m.group(3);
        // SmtpReply checks that the enhanced code's class matches and that the text has no CR/LF
        return requireFinal(SmtpReply.of(code, m.group(2), text));
    }

    private static SmtpReply requireFinal(SmtpReply reply) {
        if (reply.code() >= 300 && reply.code() < 400) {
            throw new IllegalArgumentException("a 3xx reply cannot end the data: " + reply);
        }
        return reply;
    }

    private static String defaultText(int code) {
        return code < 300 ? "OK" : code < 500 ? "Try again later" : "Rejected";
    }
}
