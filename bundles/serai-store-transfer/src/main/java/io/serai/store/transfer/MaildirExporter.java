package io.serai.store.transfer;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import io.serai.store.api.MailboxInfo;
import io.serai.store.api.Mailboxes;
import io.serai.store.transfer.internal.MaildirFolderExport;
import io.serai.store.transfer.internal.MaildirFolderNames;
import io.serai.store.transfer.internal.ResultCollector;

/**
 * Exports an account as a Maildir++ tree that Dovecot and mutt read: INBOX in the root, other mailboxes as
 * {@code .Parent.Child} folders with modified UTF-7 names, messages in {@code cur/} named
 * {@code <time>.<unique>.<host>,S=<size>,W=<size>:2,<flags>}, keywords in {@code dovecot-keywords}, and the
 * internal date as mtime. Line ends are LF unless {@link TransferOptions#lineEnding()} says CRLF.
 *
 * <p>Holds only its options: one instance can serve several runs, also concurrently.
 */
public final class MaildirExporter {
    private final TransferOptions options;

    public MaildirExporter(TransferOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Exports every mailbox of the account, empty ones included so the folder tree survives.
     *
     * @param root created if missing; must be empty, so an export never mixes with or overwrites other mail
     */
    public TransferResult exportTree(Mailboxes source, Path root) throws IOException {
        prepareRoot(root);
        ResultCollector result = new ResultCollector(options.progress());
        MaildirFolderExport folders = new MaildirFolderExport(options, result, hostName());
        for (MailboxInfo info : source.list()) {
            Optional<String> dir;
            try {
                dir = MaildirFolderNames.toDirectory(info.name());
            } catch (IllegalArgumentException e) {
                result.skipped(info.name(), "mailbox with " + info.messages() + " messages not exported: "
                        + e.getMessage());
                continue;
            }
            folders.export(source.open(info.name()), info.name(), dir.map(root::resolve).orElse(root),
                    dir.isPresent());
            result.created(info.name());
        }
        return result.result();
    }

    /** Exports one mailbox as a single Maildir (no {@code maildirfolder} marker) at {@code maildir}. */
    public TransferResult exportMailbox(Mailboxes source, String mailbox, Path maildir) throws IOException {
        prepareRoot(maildir);
        ResultCollector result = new ResultCollector(options.progress());
        new MaildirFolderExport(options, result, hostName()).export(source.open(mailbox), mailbox, maildir, false);
        result.created(mailbox);
        return result.result();
    }

    private static void prepareRoot(Path root) throws IOException {
        if (Files.isDirectory(root)) {
            try (Stream<Path> entries = Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    throw new FileAlreadyExistsException(root.toString(), null, "export directory is not empty");
                }
            }
        }
        Files.createDirectories(root);
    }

    private String hostName() {
        return options.hostName().orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "localhost";
            }
        });
    }
}
