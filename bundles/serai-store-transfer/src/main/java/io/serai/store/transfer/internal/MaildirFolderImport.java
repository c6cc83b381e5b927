package io.serai.store.transfer.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.transfer.TransferOptions;

/**
 * Feeds the messages of one Maildir folder ({@code new/} then {@code cur/}; {@code tmp/} holds deliveries in
 * progress and is ignored, as the Maildir spec says readers must) to a {@link BatchAppender}.
 */
public final class MaildirFolderImport {
    private final TransferOptions options;
    private final ResultCollector result;

    public MaildirFolderImport(TransferOptions options, ResultCollector result) {
        this.options = options;
        this.result = result;
    }

    /** True if {@code dir} looks like a Maildir: it has {@code cur/} or {@code new/}. */
    public static boolean isMaildir(Path dir) {
        return Files.isDirectory(dir.resolve("cur")) || Files.isDirectory(dir.resolve("new"));
    }

    /**
     * Appends the folder's messages, {@code new/} and {@code cur/} mixed, in Dovecot's UID order where a
     * {@code dovecot-uidlist} has them and in delivery order otherwise.
     */
    public void importInto(Path maildir, BatchAppender appender) throws IOException {
        List<String> keywords;
        try {
            keywords = DovecotKeywords.read(maildir);
        } catch (IOException e) {
            result.skipped(maildir.resolve(DovecotKeywords.FILE_NAME).toString(),
                    "cannot be read, messages of this folder are imported without keywords: " + Reasons.of(e));
            keywords = List.of();
        }
        List<Path> files = new ArrayList<>();
        files.addAll(messageFiles(maildir.resolve("new")));
        files.addAll(messageFiles(maildir.resolve("cur")));
        files.sort(Comparator.comparing(p -> p.getFileName().toString(),
                DovecotUidList.order(DovecotUidList.read(maildir))));
        Path newDir = maildir.resolve("new");
        for (Path file : files) {
            importFile(file, keywords, file.getParent().equals(newDir), appender);
        }
        appender.flush();
    }

    /** The spec's readers skip names starting with a dot. */
    private List<Path> messageFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        } catch (IOException | UncheckedIOException e) {
            result.skipped(dir.toString(), "cannot be listed, its messages are not imported: " + Reasons.of(e));
            return List.of();
        }
    }

    private void importFile(Path file, List<String> keywords, boolean fromNew, BatchAppender appender)
            throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            result.skipped(file.toString(), "cannot be read: " + Reasons.of(e));
            return;
        }
        if (!attrs.isRegularFile()) {
            result.skipped(file.toString(), "not a regular file");
        } else if (!Files.isReadable(file)) {
            result.skipped(file.toString(), "cannot be read: permission denied");
        } else if (attrs.size() > options.maxMessageSize()) {
            result.skipped(file.toString(), "message of " + attrs.size() + " bytes exceeds the limit of "
                    + options.maxMessageSize() + " bytes");
        } else {
            String name = file.getFileName().toString();
            Instant date = attrs.lastModifiedTime().toInstant();
            if (options.dateFromFileName()) {
                date = MaildirFileNames.timestamp(name).orElse(date);
            }
            Flags flags = MaildirFlags.parse(name, keywords, fromNew);
            // Buffered below the CRLF filter, which reads byte by byte.
            ContentSource content = () -> new CrlfInputStream(
                    new BufferedInputStream(Files.newInputStream(file), 64 * 1024));
            appender.add(file.toString(), content, date, flags);
        }
    }
}
