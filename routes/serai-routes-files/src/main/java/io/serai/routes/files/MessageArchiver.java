package io.serai.routes.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Collectors;

import io.serai.camel.mailbox.mime.MessageParts;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;

/**
 * Saves one message under {@code <directory>/<uidvalidity>-<uid>/}: {@code message.eml} (the bytes exactly as
 * stored), {@code attachments/} and {@code index.json}. Everything is written to a hidden working directory first
 * and renamed into place at the end, so a reader never sees half a message; a message archived again (redelivered
 * after a crash) replaces its earlier copy instead of appearing twice.
 */
final class MessageArchiver {

    static final String EML = "message.eml";
    static final String INDEX = "index.json";
    static final String ATTACHMENTS = "attachments";

    private final Path directory;
    private final ArchiveLimits limits;

    MessageArchiver(Path directory, ArchiveLimits limits) {
        this.directory = directory;
        this.limits = limits;
    }

    /** Archives the message read from {@code content}, whose parts are {@code parts}; returns its directory. */
    Path archive(InputStream content, MessageParts parts, MessageRef ref) throws IOException, MessagingException {
        Files.createDirectories(directory);
        Path target = directory.resolve(ref.directoryName());
        Path work = directory.resolve("." + ref.directoryName() + ".tmp");
        deleteTree(work);
        Files.createDirectories(work.resolve(ATTACHMENTS));

        Path eml = work.resolve(EML);
        Digests.Copied message;
        try (OutputStream out = Files.newOutputStream(eml)) {
            message = Digests.copy(content, out, Long.MAX_VALUE);
        }
        String index;
        try (SharedFileInputStream in = new SharedFileInputStream(eml.toFile())) {
            MimeMessage mime = new MimeMessage(null, in); // for the header fields of the index
            List<ArchivedPart> attachments = new AttachmentExtractor(limits, work.resolve(ATTACHMENTS)).extract(parts);
            index = index(ref, message, IndexedHeaders.of(mime), attachments);
        }
        Files.writeString(work.resolve(INDEX), index, StandardCharsets.UTF_8);

        deleteTree(target);
        Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static String index(MessageRef ref, Digests.Copied message, IndexedHeaders headers,
                                List<ArchivedPart> parts) {
        return "{\"account\":" + Json.string(ref.account())
                + ",\"folder\":" + Json.string(ref.folder())
                + ",\"uidValidity\":" + ref.uidValidity()
                + ",\"uid\":" + ref.uid()
                + "," + headers.toJson()
                + ",\"size\":" + message.size()
                + ",\"sha256\":" + Json.string(message.sha256())
                + ",\"attachments\":" + parts.stream().filter(p -> p.reason() == null).map(ArchivedPart::toJson)
                        .collect(Collectors.joining(",", "[", "]"))
                + ",\"skipped\":" + parts.stream().filter(p -> p.reason() != null).map(ArchivedPart::toJson)
                        .collect(Collectors.joining(",", "[", "]"))
                + "}\n";
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
