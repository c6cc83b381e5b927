package io.serai.smtp.protocol;

import io.serai.smtp.api.SmtpReply;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Encodes replies as RFC 5321 §4.2.1 reply lines: {@code code-text} for all but the last, {@code code SP text}. */
public final class ReplyEncoder {

    private ReplyEncoder() {
    }

    /**
     * @param enhanced whether ENHANCEDSTATUSCODES is in effect (the client sent EHLO, RFC 2034 §3); the enhanced
     *                 code is then repeated on every line of the reply
     */
    public static byte[] encode(SmtpReply reply, boolean enhanced) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        List<String> lines = reply.lines();
        String prefix = enhanced && reply.enhancedCode() != null ? reply.enhancedCode() + " " : "";
        for (int i = 0; i < lines.size(); i++) {
            String separator = i == lines.size() - 1 ? " " : "-";
            // UTF-8: SMTPUTF8 (RFC 6531 §3.7.4) lets replies carry non-ASCII addresses
            out.writeBytes((reply.code() + separator + prefix + lines.get(i) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    public static byte[] encodeAll(List<SmtpReply> replies, boolean enhanced) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * replies.size());
        for (SmtpReply reply : replies) {
            out.writeBytes(encode(reply, enhanced));
        }
        return out.toByteArray();
    }
}
