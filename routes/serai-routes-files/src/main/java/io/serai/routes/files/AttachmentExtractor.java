package io.serai.routes.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;

/**
 * Walks the MIME tree of one message and writes each attachment, decoded, into a directory. A leaf part is an
 * attachment when its disposition says so or it carries a file name (RFC 2183); inline text bodies are not.
 * Multiparts are opened through their data source rather than {@code getContent()}, so no JAF command map is
 * needed (there is none to find inside OSGi).
 */
final class AttachmentExtractor {

    private final ArchiveLimits limits;
    private final Path directory;
    private final SafeFileNames names = new SafeFileNames();
    private final List<ArchivedPart> parts = new ArrayList<>();
    private int extracted;

    AttachmentExtractor(ArchiveLimits limits, Path directory) {
        this.limits = limits;
        this.directory = directory;
    }

    /** Extracts the attachments of {@code root}; returns them, extracted and skipped, in document order. */
    List<ArchivedPart> extract(MimePart root) throws MessagingException, IOException {
        walk(root, 0);
        return List.copyOf(parts);
    }

    private void walk(MimePart part, int depth) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*") && depth < 32) {
            MimeMultipart multipart = new MimeMultipart(new MimePartDataSource(part));
            for (int i = 0; i < multipart.getCount(); i++) {
                walk((MimePart) multipart.getBodyPart(i), depth + 1);
            }
            return;
        }
        String fileName = fileName(part);
        if (fileName == null && !Part.ATTACHMENT.equalsIgnoreCase(disposition(part))) {
            return;
        }
        String contentType = baseType(part);
        String proposed = fileName != null ? fileName
                : contentType.equals("message/rfc822") ? "attached-message.eml" : SafeFileNames.FALLBACK;
        if (extracted >= limits.maxAttachments()) {
            parts.add(ArchivedPart.skipped(SafeFileNames.clean(proposed), contentType,
                    "more than " + limits.maxAttachments() + " attachments"));
            return;
        }
        String name = names.unique(proposed);
        Path file = directory.resolve(name);
        Digests.Copied copied;
        try (InputStream in = part.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            copied = Digests.copy(in, out, limits.maxAttachmentSize());
        }
        if (copied.overLimit()) {
            Files.delete(file);
            parts.add(ArchivedPart.skipped(name, contentType,
                    "larger than " + limits.maxAttachmentSize() + " octets"));
            return;
        }
        extracted++;
        parts.add(ArchivedPart.extracted(name, contentType, copied.size(), copied.sha256()));
    }

    private static String fileName(MimePart part) {
        try {
            String name = part.getFileName();
            // many clients send RFC 2047 encoded words in the parameter although RFC 2231 is the standard form
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
}
