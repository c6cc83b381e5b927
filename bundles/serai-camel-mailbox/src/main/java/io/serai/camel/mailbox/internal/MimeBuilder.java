package io.serai.camel.mailbox.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.activation.DataHandler;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.attachment.Attachment;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.james.mime4j.codec.EncoderUtil;

/**
 * Builds an RFC 5322 / MIME message from a Camel message: the {@code From}, {@code To}, {@code Cc},
 * {@code Reply-To} and {@code Subject} headers, the body as the text (text/plain, or text/html when the
 * {@code Content-Type} header says so; UTF-8), and the Camel attachments as {@code multipart/mixed} parts with
 * their names (RFC 2231 for non-ASCII). Non-ASCII subjects and display names become RFC 2047 encoded words. Header
 * values with CR or LF are refused: they would inject headers. Lines end in CRLF, as the store keeps them.
 */
final class MimeBuilder {

    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'});
    private static final Pattern NAME_ADDR = Pattern.compile("\\s*(.*?)\\s*<([^<>]+)>\\s*");
    private static final String[] ADDRESS_HEADERS = {"From", "To", "Cc", "Reply-To"};

    private MimeBuilder() {
    }

    static byte[] build(Exchange exchange, Instant date) throws IOException {
        Message in = exchange.getMessage();
        StringBuilder head = new StringBuilder();
        head.append("Date: ").append(DATE.format(date)).append("\r\n");
        String from = null;
        for (String name : ADDRESS_HEADERS) {
            String value = header(in, name);
            if (value != null) {
                head.append(name).append(": ").append(addresses(value)).append("\r\n");
                from = name.equals("From") ? value : from;
            }
        }
        String subject = header(in, "Subject");
        if (subject != null) {
            head.append("Subject: ").append(EncoderUtil.encodeIfNecessary(subject, EncoderUtil.Usage.TEXT_TOKEN,
                    "Subject: ".length())).append("\r\n");
        }
        head.append("Message-ID: <").append(UUID.randomUUID()).append('@').append(domainOf(from)).append(">\r\n");
        head.append("MIME-Version: 1.0\r\n");

        String text = in.getBody(String.class);
        String contentType = header(in, "Content-Type");
        String subtype = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html")
                ? "html" : "plain";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // camel-attachments keeps them behind the AttachmentMessage view of the exchange's message
        AttachmentMessage withAttachments = exchange.getMessage(AttachmentMessage.class);
        Map<String, Attachment> attachments = withAttachments != null && withAttachments.hasAttachments()
                ? withAttachments.getAttachmentObjects() : Map.of();
        if (attachments.isEmpty()) {
            out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
            textPart(out, subtype, text == null ? "" : text);
            return out.toByteArray();
        }
        String boundary = "=_serai_" + UUID.randomUUID();
        head.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        ascii(out, "--" + boundary + "\r\n");
        textPart(out, subtype, text == null ? "" : text);
        for (Map.Entry<String, Attachment> e : attachments.entrySet()) {
            ascii(out, "\r\n--" + boundary + "\r\n");
            attachmentPart(out, e.getKey(), e.getValue().getDataHandler());
        }
        ascii(out, "\r\n--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    /** A text part's header and body; 7bit when it is ASCII with short lines, else base64 (RFC 2045 §6). */
    private static void textPart(ByteArrayOutputStream out, String subtype, String text) {
        String crlf = text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        boolean sevenBit = crlf.chars().allMatch(c -> c < 128 && c != 0)
                && crlf.lines().allMatch(l -> l.length() <= 998);
        ascii(out, "Content-Type: text/" + subtype + "; charset=UTF-8\r\n");
        if (sevenBit) {
            ascii(out, "Content-Transfer-Encoding: 7bit\r\n\r\n");
            out.writeBytes(crlf.getBytes(StandardCharsets.US_ASCII));
            if (!crlf.endsWith("\r\n")) {
                ascii(out, "\r\n");
            }
        } else {
            ascii(out, "Content-Transfer-Encoding: base64\r\n\r\n");
            out.writeBytes(BASE64.encode(crlf.getBytes(StandardCharsets.UTF_8)));
            ascii(out, "\r\n");
        }
    }

    private static void attachmentPart(ByteArrayOutputStream out, String name, DataHandler data) throws IOException {
        String type = data.getContentType() == null ? "application/octet-stream" : data.getContentType();
        noLineBreaks("attachment content type", type);
        ascii(out, "Content-Type: " + type + "\r\n");
        ascii(out, "Content-Disposition: attachment; " + fileNameParameter(name) + "\r\n");
        ascii(out, "Content-Transfer-Encoding: base64\r\n\r\n");
        try (InputStream in = data.getInputStream()) {
            out.writeBytes(BASE64.encode(in.readAllBytes()));
        }
        ascii(out, "\r\n");
    }

    /** {@code filename="..."} for plain ASCII names, else RFC 2231 §4 {@code filename*=UTF-8''...}. */
    static String fileNameParameter(String name) {
        String safe = AttachmentNames.clean(name);
        boolean plain = safe.chars().allMatch(c -> c >= 32 && c < 127 && c != '"' && c != '\\');
        if (plain && !safe.isEmpty()) {
            return "filename=\"" + safe + "\"";
        }
        return "filename*=UTF-8''" + URLEncoder.encode(safe, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code Name <addr>, ...}: display names encoded when not ASCII (RFC 2047 §5 phrase), addresses as given. */
    private static String addresses(String value) {
        StringBuilder out = new StringBuilder();
        for (String one : value.split(",")) {
            if (one.isBlank()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(", ");
            }
            Matcher m = NAME_ADDR.matcher(one);
            if (m.matches() && !m.group(1).isEmpty()) {
                String display = m.group(1).replaceAll("^\"|\"$", "");
                out.append(EncoderUtil.encodeAddressDisplayName(display)).append(" <").append(m.group(2).trim())
                        .append('>');
            } else {
                out.append(one.trim());
            }
        }
        return out.toString();
    }

    private static String header(Message in, String name) {
        String value = in.getHeader(name, String.class);
        if (value != null) {
            noLineBreaks(name, value);
        }
        return value;
    }

    private static void noLineBreaks(String what, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("mailbox: " + what + " must not contain line breaks");
        }
    }

    private static String domainOf(String from) {
        if (from != null) {
            int at = from.lastIndexOf('@');
            if (at >= 0) {
                String domain = from.substring(at + 1).replaceAll("[>\\s].*$", "");
                if (domain.matches("[A-Za-z0-9.-]+")) {
                    return domain;
                }
            }
        }
        return "serai.invalid";
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
