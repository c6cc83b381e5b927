package io.serai.routes.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.serai.camel.mailbox.mime.MessagePart;
import io.serai.camel.mailbox.mime.MessageParts;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;

/**
 * Reads the columns of a {@link MailRow}: decoded header values for people and the header block as it was sent
 * (from the raw bytes), the first plain-text and HTML bodies decoded to text, and the attachments with size and
 * SHA-256 (from the parts the store parsed, {@link MessageParts}, the rule the {@code mailbox:} component uses).
 */
final class MessageParser {

    private final long maxAttachmentSize;

    MessageParser(long maxAttachmentSize) {
        this.maxAttachmentSize = maxAttachmentSize;
    }

    MailRow parse(byte[] raw, MessageParts parts, String account, String folder, long uidValidity, long uid)
            throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(null, new SharedByteArrayInputStream(raw));
        List<MailRow.AttachmentRow> attachments = new ArrayList<>();
        for (MessagePart part : parts.attachments()) {
            attachments.add(attachment(part, attachments.size()));
        }
        return new MailRow(account, folder, uidValidity, uid, message.getMessageID(),
                message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                decoded(message, "From"), decoded(message, "To"), decoded(message, "Cc"), message.getSubject(),
                headerBlock(raw), text(parts, "text/plain"), text(parts, "text/html"), raw.length, attachments);
    }

    private MailRow.AttachmentRow attachment(MessagePart part, int position) throws IOException {
        MessageDigest sha = sha256();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long size = 0;
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = part.openDecoded()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                size += n;
                if (size <= maxAttachmentSize) {
                    kept.write(buffer, 0, n);
                }
            }
        }
        String name = part.fileName();
        return new MailRow.AttachmentRow(position, name == null ? "attachment" : printable(name),
                part.contentType(), size, HexFormat.of().formatHex(sha.digest()),
                size <= maxAttachmentSize ? kept.toByteArray() : null);
    }

    /** The first body part of {@code contentType}, decoded to text with its charset, or null. */
    private static String text(MessageParts parts, String contentType) throws IOException {
        MessagePart part = parts.firstBody(contentType).orElse(null);
        if (part == null) {
            return null;
        }
        try (InputStream in = part.openDecoded()) {
            return new String(in.readAllBytes(), charset(part.parameter("charset")));
        }
    }

    private static Charset charset(String name) {
        if (name == null) {
            return StandardCharsets.US_ASCII;
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(name));
        } catch (IllegalArgumentException e) {
            // an unknown or malformed charset: Latin-1 maps every byte, so nothing is lost
            return StandardCharsets.ISO_8859_1;
        }
    }

    /** The header block (up to the blank line) as text; header bytes are ASCII or, with SMTPUTF8, UTF-8. */
    static String headerBlock(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length
                    && raw[i + 2] == '\n'))) {
                return new String(raw, 0, i + 1, StandardCharsets.UTF_8);
            }
        }
        return new String(raw, StandardCharsets.UTF_8);
    }

    private static String decoded(MimeMessage message, String name) throws MessagingException {
        String raw = message.getHeader(name, ", ");
        if (raw == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(raw));
        } catch (UnsupportedEncodingException e) {
            return raw;
        }
    }

    /** Names are data here, not paths, but control characters have no business in a column either. */
    private static String printable(String name) {
        return name.codePoints().map(c -> Character.isISOControl(c) ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
