package io.serai.store.transfer;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

import io.serai.store.api.MailboxInfo;
import io.serai.store.api.Mailboxes;
import io.serai.store.transfer.internal.MboxFileExport;
import io.serai.store.transfer.internal.ResultCollector;

/**
 * Exports mailboxes as mboxrd files (RFC 4155): a From line with the envelope sender (Return-Path) and the
 * internal date in UTC asctime, {@code >*From } lines quoted, flags in {@code Status}/{@code X-Status}/
 * {@code X-Keywords} headers unless switched off, LF line ends unless {@link TransferOptions#lineEnding()} says
 * CRLF. A message without a final line end gets one, since mbox cannot represent it otherwise.
 *
 * <p>Holds only its options: one instance can serve several runs, also concurrently.
 */
public final class MboxExporter {
    private final TransferOptions options;

    public MboxExporter(TransferOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @param file created; an existing file is never overwritten or appended to */
    public TransferResult exportMailbox(Mailboxes source, String mailbox, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        ResultCollector result = new ResultCollector(options.progress());
        new MboxFileExport(options, result).export(source.open(mailbox), mailbox, file);
        result.created(mailbox);
        return result.result();
    }

    /**
     * Exports every mailbox of the account into {@code dir} in Thunderbird's layout, which keeps a mailbox and
     * its children apart: {@code Work/2024} is the file {@code Work.sbd/2024} next to the file {@code Work}.
     * {@link MboxImporter#importDirectory} reads it back to the same names.
     *
     * @param dir created if missing; must be empty
     */
    public TransferResult exportTree(Mailboxes source, Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new FileAlreadyExistsException(dir.toString(), null, "export directory is not empty");
                }
            }
        }
        Files.createDirectories(dir);
        ResultCollector result = new ResultCollector(options.progress());
        MboxFileExport export = new MboxFileExport(options, result);
        for (MailboxInfo info : source.list()) {
            String[] levels = info.name().split("/");
            Path file = dir;
            for (int i = 0; i < levels.length - 1; i++) {
                file = file.resolve(levels[i] + ".sbd");
            }
            if (levels[levels.length - 1].startsWith(".")) {
                result.skipped(info.name(), "mailbox with " + info.messages() + " messages not exported: a name "
                        + "starting with '.' would be a hidden file");
                continue;
            }
            file = file.resolve(levels[levels.length - 1]);
            Files.createDirectories(file.getParent());
            export.export(source.open(info.name()), info.name(), file);
            result.created(info.name());
        }
        return result.result();
    }
}
