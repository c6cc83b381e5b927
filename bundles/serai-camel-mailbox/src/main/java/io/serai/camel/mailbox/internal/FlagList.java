package io.serai.camel.mailbox.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.serai.store.api.Flags;
import io.serai.store.api.SystemFlag;

/** Flags in their IMAP text form: {@code \Seen,$label} to {@link Flags} and back. */
public final class FlagList {

    private FlagList() {
    }

    /** Parses a comma or space separated list; {@code \Name} is a system flag, anything else a keyword. */
    public static Flags parse(String text) {
        EnumSet<SystemFlag> system = EnumSet.noneOf(SystemFlag.class);
        Set<String> keywords = new TreeSet<>();
        for (String token : text.split("[,\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.startsWith("\\")) {
                system.add(systemFlag(token));
            } else {
                keywords.add(keyword(token));
            }
        }
        return Flags.of(system, keywords);
    }

    /** The IMAP names, system flags first. */
    public static List<String> format(Flags flags) {
        List<String> out = new ArrayList<>();
        for (SystemFlag f : flags.system()) {
            out.add(f.imapName());
        }
        out.addAll(flags.keywords());
        return out;
    }

    private static SystemFlag systemFlag(String token) {
        for (SystemFlag f : SystemFlag.values()) {
            if (f.imapName().equalsIgnoreCase(token)) {
                return f;
            }
        }
        // \Recent is per session and cannot be stored (RFC 3501 section 2.3.2)
        throw new IllegalArgumentException("mailbox: unknown system flag " + token
                + " (one of \\Seen, \\Answered, \\Flagged, \\Deleted, \\Draft)");
    }

    private static String keyword(String token) {
        // a keyword is an IMAP atom (RFC 3501 section 9: flag-keyword = atom)
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c >= 0x7f || "(){%*\"]".indexOf(c) >= 0) {
                throw new IllegalArgumentException("mailbox: not an IMAP keyword: " + token);
            }
        }
        return token.toLowerCase(Locale.ROOT);
    }
}
