package io.serai.store.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.serai.store.api.Mailboxes;
import io.serai.store.transfer.internal.BatchAppender;
import io.serai.store.transfer.internal.MailboxTargets;
import io.serai.store.transfer.internal.MboxFileImport;
import io.serai.store.transfer.internal.Reasons;
import io.serai.store.transfer.internal.ResultCollector;

/**
 * Imports mbox files (mboxrd, RFC 4155): one file is one mailbox. Messages get their internal date from the
 * From line, their flags from the {@code Status}/{@code X-Status}/{@code X-Keywords} headers (which are then
 * removed from the stored bytes, as Dovecot hides them); {@code >From } lines are unquoted and LF becomes CRLF.
 *
 * <p>Holds only its options: one instance can serve several runs, also concurrently.
 */
public final class MboxImporter {
    /** Thunderbird keeps the children of mailbox {@code X} in a directory {@code X.sbd}. */
    private static final String THUNDERBIRD_SUBDIR = ".sbd";

    private final TransferOptions options;

    public MboxImporter(TransferOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Imports one mbox file into the named mailbox, created if missing. */
    public TransferResult importFile(Path mbox, Mailboxes target, String mailbox) throws IOException {
        if (!Files.isRegularFile(mbox)) {
            throw new NoSuchFileException(mbox.toString(), null, "not a file");
        }
        ResultCollector result = new ResultCollector(options.progress());
        importOne(mbox, mailbox, new MailboxTargets(target, result),
                new BatchAppender(options.batchSize(), result), result);
        return result.result();
    }

    /**
     * Imports every file below {@code dir}, each into the mailbox named by its path: {@code Work/2024} (mutt,
     * Dovecot) or {@code Work.sbd/2024} (Thunderbird) become {@code Work/2024}; a file named {@code inbox} in
     * any case becomes INBOX. Hidden files are ignored; files that are not mbox files are skipped with a reason.
     */
    public TransferResult importDirectory(Path dir, Mailboxes target) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "not a directory");
        }
        ResultCollector result = new ResultCollector(options.progress());
        MailboxTargets targets = new MailboxTargets(target, result);
        BatchAppender appender = new BatchAppender(options.batchSize(), result);
        walk(dir, "", targets, appender, result);
        return result.result();
    }

    private void walk(Path dir, String prefix, MailboxTargets targets, BatchAppender appender,
                      ResultCollector result) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            if (prefix.isEmpty()) {
                throw e;
            }
            result.skipped(dir.toString(), "directory cannot be listed, its files are not imported: " + Reasons.of(e));
            return;
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (Files.isDirectory(p)) {
                String level = name.endsWith(THUNDERBIRD_SUBDIR)
                        ? name.substring(0, name.length() - THUNDERBIRD_SUBDIR.length()) : name;
                walk(p, prefix + level + Mailboxes.DELIMITER, targets, appender, result);
            } else if (!Files.isRegularFile(p)) {
                result.skipped(p.toString(), "not a regular file");
            } else if (name.indexOf('*') >= 0 || name.indexOf('%') >= 0) {
                result.skipped(p.toString(), "file name contains an IMAP LIST wildcard '*' or '%'");
            } else {
                String mailbox = prefix + name;
                importOne(p, mailbox.equalsIgnoreCase(Mailboxes.INBOX) ? Mailboxes.INBOX : mailbox, targets,
                        appender, result);
            }
        }
    }

    private void importOne(Path file, String mailbox, MailboxTargets targets, BatchAppender appender,
                           ResultCollector result) throws IOException {
        new MboxFileImport(options, result).importInto(file, mailbox, targets, appender);
    }
}
