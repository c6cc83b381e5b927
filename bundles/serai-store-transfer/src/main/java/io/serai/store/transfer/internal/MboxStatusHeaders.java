package io.serai.store.transfer.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.serai.store.api.Flags;
import io.serai.store.api.SystemFlag;

/**
 * Flags kept in mbox headers the way mutt and Dovecot's mbox driver write them: {@code Status: R} (read;
 * {@code O} "old" has no IMAP flag), {@code X-Status:} with {@code A}nswered, {@code F}lagged, {@code T} draft,
 * {@code D}eleted, and {@code X-Keywords:} with space-separated keywords.
 *
 * <p>They describe the mailbox, not the message, so on import they become flags and are removed from the stored
 * bytes, like Dovecot hides them (and its own {@code X-UID}, {@code X-IMAP}, {@code X-IMAPbase}) from IMAP
 * clients; on export they are written again from the flags.
 */
public final class MboxStatusHeaders {
    /** Lower-case names of the headers removed on import. */
    public static final Set<String> REMOVED_ON_IMPORT = Set.of("status", "x-status", "x-keywords", "x-uid",
            "x-imap", "x-imapbase");

    private MboxStatusHeaders() {
    }

    /** Accumulates flags from the status headers of one message. */
    public static final class Reader {
        private final EnumSet<SystemFlag> system = EnumSet.noneOf(SystemFlag.class);
        private final Set<String> keywords = new TreeSet<>();

        /** Looks at one header field; others are ignored. */
        public void header(String name, String value) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "status" -> {
                    if (value.indexOf('R') >= 0) {
                        system.add(SystemFlag.SEEN);
                    }
                }
                case "x-status" -> {
                    addIf(value, 'A', SystemFlag.ANSWERED);
                    addIf(value, 'F', SystemFlag.FLAGGED);
                    addIf(value, 'T', SystemFlag.DRAFT);
                    addIf(value, 'D', SystemFlag.DELETED);
                }
                case "x-keywords" -> {
                    for (String k : value.trim().split("[\\s,]+")) {
                        if (!k.isEmpty() && !k.startsWith("\\")) {
                            keywords.add(k);
                        }
                    }
                }
                default -> { }
            }
        }

        private void addIf(String value, char letter, SystemFlag flag) {
            if (value.indexOf(letter) >= 0) {
                system.add(flag);
            }
        }

        public Flags flags() {
            return Flags.of(system, keywords);
        }
    }

    /** The header lines (without line ends) for {@code flags}, in the order Dovecot writes them. */
    public static List<String> lines(Flags flags) {
        List<String> lines = new ArrayList<>(3);
        if (flags.has(SystemFlag.SEEN)) {
            lines.add("Status: RO");
        }
        StringBuilder x = new StringBuilder();
        appendIf(x, flags, SystemFlag.ANSWERED, 'A');
        appendIf(x, flags, SystemFlag.FLAGGED, 'F');
        appendIf(x, flags, SystemFlag.DRAFT, 'T');
        appendIf(x, flags, SystemFlag.DELETED, 'D');
        if (x.length() > 0) {
            lines.add("X-Status: " + x);
        }
        if (!flags.keywords().isEmpty()) {
            lines.add("X-Keywords: " + String.join(" ", flags.keywords()));
        }
        return lines;
    }

    private static void appendIf(StringBuilder x, Flags flags, SystemFlag flag, char letter) {
        if (flags.has(flag)) {
            x.append(letter);
        }
    }
}
