package io.serai.routes.http;

import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeUtility;

/**
 * Writes a {@link MailRequest} as an RFC 5322 / MIME message, CRLF throughout. Bodies and attachments are base64
 * (RFC 2045 §6.8), so the message is 7-bit and any relay takes it. Plain text and HTML together are a
 * {@code multipart/alternative} (RFC 2046 §5.1.4); attachments make it a {@code multipart/mixed}. Non-ASCII
 * subjects are RFC 2047 encoded words, non-ASCII file names RFC 2231 parameters. Everything a client sends is
 * stripped of line breaks before it goes into a header, so no header can be injected.
 */
final class MimeWriter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'});

    private final StringBuilder out = new StringBuilder();

    /** The message bytes; {@code trace} is a complete header field (e.g. Received:) put first, or null. */
    static byte[] write(MailRequest request, String messageId, Instant date, String trace) {
        MimeWriter w = new MimeWriter();
        if (trace != null) {
            w.out.append(trace).append("\r\n");
        }
        w.header("From", request.from());
        w.addressList("To", request.to());
        w.addressList("Cc", request.cc());
        if (request.subject() != null) {
            w.header("Subject", encodedWords(oneLine(request.subject())));
        }
        w.header("Date", DATE.format(date));
        w.header("Message-ID", messageId);
        w.header("MIME-Version", "1.0");
        if (request.attachments().isEmpty()) {
            w.body(request);
        } else {
            String boundary = boundary();
            w.header("Content-Type", "multipart/mixed; boundary=\"" + boundary + "\"");
            w.out.append("\r\n");
            w.out.append("--").append(boundary).append("\r\n");
            w.body(request);
            for (MailRequest.Attachment a : request.attachments()) {
                w.out.append("\r\n--").append(boundary).append("\r\n");
                w.header("Content-Type", a.contentType());
                w.header("Content-Disposition", "attachment; " + fileName(a.name()));
                w.base64(a.content());
            }
            w.out.append("\r\n--").append(boundary).append("--\r\n");
        }
        return w.out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The body part(s) with their own Content-Type header, and the content. */
    private void body(MailRequest request) {
        if (request.text() != null && request.html() != null) {
            String boundary = boundary();
            header("Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
            out.append("\r\n--").append(boundary).append("\r\n");
            text("text/plain", request.text());
            out.append("\r\n--").append(boundary).append("\r\n");
            text("text/html", request.html());
            out.append("\r\n--").append(boundary).append("--\r\n");
        } else if (request.text() != null) {
            text("text/plain", request.text());
        } else {
            text("text/html", request.html());
        }
    }

    private void text(String type, String content) {
        header("Content-Type", type + "; charset=UTF-8");
        base64(content.getBytes(StandardCharsets.UTF_8));
    }

    private void base64(byte[] content) {
        header("Content-Transfer-Encoding", "base64");
        out.append("\r\n");
        if (content.length > 0) {
            out.append(BASE64.encodeToString(content)).append("\r\n");
        }
    }

    private void header(String name, String value) {
        out.append(name).append(": ").append(value).append("\r\n");
    }

    private void addressList(String name, List<String> addresses) {
        if (!addresses.isEmpty()) {
            header(name, String.join(",\r\n\t", addresses)); // one address per line keeps lines short (RFC 5322 §2.1.1)
        }
    }

    private static String boundary() {
        return "=_serai_" + UUID.randomUUID();
    }

    static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]+", " ").strip();
    }

    private static String encodedWords(String value) {
        try {
            // folded after "Subject: " (9 characters), so no line exceeds 76 characters (RFC 2047 §2)
            return MimeUtility.fold(9, MimeUtility.encodeText(value, "UTF-8", null));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** {@code filename="x"} for plain ASCII names, else the RFC 2231 form {@code filename*=UTF-8''%xx}. */
    static String fileName(String name) {
        String clean = oneLine(name);
        boolean plain = clean.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
        if (plain && clean.length() <= 60) {
            return "filename=\"" + clean + "\"";
        }
        return "filename*=UTF-8''" + URLEncoder.encode(clean, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }
}
