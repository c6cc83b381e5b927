package io.serai.routes.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.serai.camel.mailbox.mime.MessagePart;
import io.serai.camel.mailbox.mime.MessageParts;

/**
 * Writes each attachment of one message ({@link MessageParts#attachments()}, the rule the {@code mailbox:}
 * component uses), transfer-decoded, into a directory under a safe, unique name, within the archive's limits.
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

    /** Extracts the attachments of a message; returns them, extracted and skipped, in document order. */
    List<ArchivedPart> extract(MessageParts message) throws IOException {
        for (MessagePart part : message.attachments()) {
            write(part);
        }
        return List.copyOf(parts);
    }

    private void write(MessagePart part) throws IOException {
        String contentType = part.contentType();
        String proposed = part.fileName() != null ? part.fileName()
                : contentType.equals("message/rfc822") ? "attached-message.eml" : SafeFileNames.FALLBACK;
        if (extracted >= limits.maxAttachments()) {
            parts.add(ArchivedPart.skipped(SafeFileNames.clean(proposed), contentType,
                    "more than " + limits.maxAttachments() + " attachments"));
            return;
        }
        String name = names.unique(proposed);
        Path file = directory.resolve(name);
        Digests.Copied copied;
        try (InputStream in = part.openDecoded(); OutputStream out = Files.newOutputStream(file)) {
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
}
