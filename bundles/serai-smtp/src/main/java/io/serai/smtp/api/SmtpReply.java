package io.serai.smtp.api;

import java.util.List;
import java.util.Objects;

/**
 * One SMTP reply (RFC 5321 §4.2): a three-digit code, an optional enhanced status code (RFC 3463, sent when
 * ENHANCEDSTATUSCODES is in effect, RFC 2034) and one or more text lines.
 */
public record SmtpReply(int code, String enhancedCode, List<String> lines) {

    public SmtpReply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("reply code must be 2xx to 5xx: " + code);
        }
        if (enhancedCode != null && !enhancedCode.matches("[245]\\.\\d{1,3}\\.\\d{1,3}")) {
            throw new IllegalArgumentException("bad enhanced status code: " + enhancedCode);
        }
        if (enhancedCode != null && enhancedCode.charAt(0) - '0' != code / 100) {
            throw new IllegalArgumentException("enhanced code class must match the reply code: " + code + " "
                    + enhancedCode);
        }
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply needs at least one line");
        }
        for (String line : lines) {
            // a CR or LF in reply text would let a handler inject extra replies
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("reply text must not contain CR or LF");
            }
        }
    }

    /** A single-line reply. */
    public static SmtpReply of(int code, String enhancedCode, String text) {
        return new SmtpReply(code, enhancedCode, List.of(Objects.requireNonNull(text, "text")));
    }

    public boolean isPositive() {
        return code < 400;
    }

    public boolean isTransientFailure() {
        return code >= 400 && code < 500;
    }

    public boolean isPermanentFailure() {
        return code >= 500;
    }

    @Override
    public String toString() {
        return code + (enhancedCode == null ? "" : " " + enhancedCode) + " " + String.join(" / ", lines);
    }
}
