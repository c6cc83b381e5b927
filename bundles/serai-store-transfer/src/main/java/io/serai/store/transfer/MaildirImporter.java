package io.serai.store.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.serai.store.api.Mailboxes;
import io.serai.store.api.StoreException;
import io.serai.store.transfer.internal.BatchAppender;
import io.serai.store.transfer.internal.MailboxTargets;
import io.serai.store.transfer.internal.MaildirFolderImport;
import io.serai.store.transfer.internal.MaildirFolderNames;
import io.serai.store.transfer.internal.ResultCollector;

/**
 * Imports a Maildir tree as Dovecot and Postfix leave it (Maildir++ layout, Dovecot's default {@code .}
 * separator) into one account. The root is INBOX and {@code .Archive.2024} becomes {@code Archive/2024}.
 * Messages keep their flags (info part {@code :2,}), keywords ({@code dovecot-keywords}) and their internal
 * date (file mtime, where Dovecot keeps it). LF line ends become CRLF. Existing mailboxes are appended to,
 * missing ones created.
 *
 * <p>Holds only its options: one instance can serve several runs, also concurrently.
 */
public final class MaildirImporter {
    private final TransferOptions options;

    public MaildirImporter(TransferOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Imports the root as INBOX and every {@code .Folder} directory below it.
     *
     * @throws NoSuchFileException if {@code root} is not a directory
     * @throws StoreException      if the store fails (quota, disk full); what was appended before stays
     */
    public TransferResult importTree(Path root, Mailboxes target) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "not a directory");
        }
        ResultCollector result = new ResultCollector(options.progress());
        MailboxTargets targets = new MailboxTargets(target, result);
        BatchAppender appender = new BatchAppender(options.batchSize(), result);
        MaildirFolderImport folders = new MaildirFolderImport(options, result);
        if (MaildirFolderImport.isMaildir(root)) {
            appender.target(targets.openOrCreate(Mailboxes.INBOX), Mailboxes.INBOX);
            folders.importInto(root, appender);
        } else {
            result.skipped(root.toString(), "no cur/ or new/ directory: INBOX not imported");
        }
        for (Path dir : folderDirectories(root)) {
            importFolder(dir, targets, appender, folders, result);
        }
        return result.result();
    }

    /** Imports one Maildir ({@code cur/} and {@code new/}) into the named mailbox. */
    public TransferResult importFolder(Path maildir, Mailboxes target, String mailbox) throws IOException {
        if (!MaildirFolderImport.isMaildir(maildir)) {
            throw new NoSuchFileException(maildir.toString(), null, "no cur/ or new/ directory");
        }
        ResultCollector result = new ResultCollector(options.progress());
        BatchAppender appender = new BatchAppender(options.batchSize(), result);
        appender.target(new MailboxTargets(target, result).openOrCreate(mailbox), mailbox);
        new MaildirFolderImport(options, result).importInto(maildir, appender);
        return result.result();
    }

    private static List<Path> folderDirectories(Path root) throws IOException {
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(".") && !n.equals(".") && !n.equals("..") && Files.isDirectory(p);
            }).sorted().toList();
        }
    }

    private void importFolder(Path dir, MailboxTargets targets, BatchAppender appender,
                              MaildirFolderImport folders, ResultCollector result) throws IOException {
        String name;
        try {
            name = MaildirFolderNames.toMailbox(dir.getFileName().toString());
        } catch (IllegalArgumentException e) {
            result.skipped(dir.toString(), "folder not imported: " + e.getMessage());
            return;
        }
        if (!MaildirFolderImport.isMaildir(dir)) {
            result.skipped(dir.toString(), "folder not imported: no cur/ or new/ directory");
            return;
        }
        appender.target(targets.openOrCreate(name), name);
        folders.importInto(dir, appender);
    }
}
