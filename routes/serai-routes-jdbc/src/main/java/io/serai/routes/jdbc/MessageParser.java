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
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;

/**
 * Reads the columns of a {@link MailRow} from raw message bytes: decoded header values for people, the header
 * block as it was sent, the first plain-text and HTML bodies decoded to text, and the attachments (parts with a
 * file name or {@code Content-Disposition: attachment}, RFC 2183) with size and SHA-256. Multiparts are opened
 * through their data source, so no JAF command map is needed (there is none to find inside OSGi).
 */
final class MessageParser {

    private final long maxAttachmentSize;

    MessageParser(long maxAttachmentSize) {
        this.maxAttachmentSize = maxAttachmentSize;
    }

    MailRow parse(byte[] raw, String account, String folder, long uidValidity, long uid)
            throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(null, new SharedByteArrayInputStream(raw));
        Bodies bodies = new Bodies();
        walk(message, bodies, 0);
        return new MailRow(account, folder, uidValidity, uid, message.getMessageID(),
                message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                decoded(message, "From"), decoded(message, "To"), decoded(message, "Cc"), message.getSubject(),
                headerBlock(raw), bodies.text, bodies.html, raw.length, bodies.attachments);
    }

    private static final class Bodies {
        String text;
        String html;
        final List<MailRow.AttachmentRow> attachments = new ArrayList<>();
    }

    private void walk(MimePart part, Bodies bodies, int depth) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*") && depth < 32) {
            MimeMultipart multipart = new MimeMultipart(new MimePartDataSource(part));
            for (int i = 0; i < multipart.getCount(); i++) {
                walk((MimePart) multipart.getBodyPart(i), bodies, depth + 1);
            }
            return;
        }
        String name = fileName(part);
        boolean attachment = name != null || Part.ATTACHMENT.equalsIgnoreCase(disposition(part));
        if (!attachment && part.isMimeType("text/plain") && bodies.text == null) {
            bodies.text = text(part);
        } else if (!attachment && part.isMimeType("text/html") && bodies.html == null) {
            bodies.html = text(part);
        } else if (attachment) {
            bodies.attachments.add(attachment(part, bodies.attachments.size(), name));
        }
    }

    private MailRow.AttachmentRow attachment(MimePart part, int position, String name)
            throws MessagingException, IOException {
        MessageDigest sha = sha256();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long size = 0;
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = part.getInputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                size += n;
                if (size <= maxAttachmentSize) {
                    kept.write(buffer, 0, n);
                }
            }
        }
        return new MailRow.AttachmentRow(position, name == null ? "attachment" : printable(name), baseType(part),
                size, HexFormat.of().formatHex(sha.digest()), size <= maxAttachmentSize ? kept.toByteArray() : null);
    }

    private static String text(MimePart part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), charset(part));
        }
    }

    private static Charset charset(MimePart part) {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            return name == null ? StandardCharsets.US_ASCII : Charset.forName(MimeUtility.javaCharset(name));
        } catch (MessagingException | IllegalArgumentException e) {
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

    private static String fileName(MimePart part) {
        try {
            String name = part.getFileName();
            return name != null && name.contains("=?") ? MimeUtility.decodeText(name) : name;
        } catch (MessagingException | UnsupportedEncodingException e) {
            return null;
        }
    }

    private static String disposition(MimePart part) {
        try {
            return part.getDisposition();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String baseType(MimePart part) {
        try {
            String type = part.getContentType();
            return type == null ? "text/plain" : new ContentType(type).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            return "application/octet-stream";
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
