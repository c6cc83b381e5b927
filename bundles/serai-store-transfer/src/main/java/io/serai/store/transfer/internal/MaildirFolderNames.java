package io.serai.store.transfer.internal;

import io.serai.store.api.ModifiedUtf7;

import java.util.Optional;

import io.serai.store.api.Mailboxes;

/**
 * Maildir++ folder directories ↔ store mailbox names, the way Dovecot lays them out by default (Dovecot's
 * "Maildir++" mailbox format docs): INBOX is the Maildir root, every other mailbox is a directory {@code .Name}
 * directly below it, hierarchy levels are joined with {@code .}, and each level is modified UTF-7.
 */
public final class MaildirFolderNames {
    /** Dovecot's default hierarchy separator for Maildir++. */
    public static final char SEPARATOR = '.';

    private MaildirFolderNames() {
    }

    /**
     * The store name for a folder directory name such as {@code .Archive.2024}.
     *
     * @throws IllegalArgumentException with the reason if the name cannot be a Maildir++ folder
     */
    public static String toMailbox(String directoryName) {
        if (directoryName.length() < 2 || directoryName.charAt(0) != SEPARATOR) {
            throw new IllegalArgumentException("not a Maildir++ folder name (must start with '.')");
        }
        String[] levels = directoryName.substring(1).split("\\.", -1);
        StringBuilder name = new StringBuilder();
        for (String level : levels) {
            if (level.isEmpty()) {
                throw new IllegalArgumentException("empty hierarchy level");
            }
            String decoded;
            try {
                decoded = ModifiedUtf7.decode(level);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid modified UTF-7 (RFC 3501 section 5.1.3)", e);
            }
            if (decoded.indexOf(Mailboxes.DELIMITER) >= 0) {
                throw new IllegalArgumentException("name contains the store delimiter '/'");
            }
            if (decoded.indexOf('*') >= 0 || decoded.indexOf('%') >= 0) {
                // LIST wildcards (RFC 3501 section 6.3.8): such a mailbox could never be listed on its own.
                throw new IllegalArgumentException("name contains an IMAP LIST wildcard '*' or '%'");
            }
            if (decoded.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
                throw new IllegalArgumentException("name contains control characters");
            }
            if (name.length() > 0) {
                name.append(Mailboxes.DELIMITER);
            }
            name.append(decoded);
        }
        return name.toString();
    }

    /**
     * The folder directory name for a store mailbox; empty for INBOX, which is the Maildir root. A name with a
     * {@code .} in a level cannot be written, since {@code .} is the separator on disk.
     *
     * @throws IllegalArgumentException with the reason if the name cannot be represented
     */
    public static Optional<String> toDirectory(String mailbox) {
        if (mailbox.equalsIgnoreCase(Mailboxes.INBOX)) {
            return Optional.empty();
        }
        StringBuilder dir = new StringBuilder();
        for (String level : mailbox.split("/", -1)) {
            if (level.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("'.' in a mailbox name cannot be written with Maildir++'s "
                        + "'.' hierarchy separator");
            }
            dir.append(SEPARATOR).append(ModifiedUtf7.encode(level));
        }
        return Optional.of(dir.toString());
    }
}
