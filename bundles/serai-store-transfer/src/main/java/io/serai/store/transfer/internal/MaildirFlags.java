package io.serai.store.transfer.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.serai.store.api.Flags;
import io.serai.store.api.SystemFlag;

/**
 * The flags in a Maildir file name's info part {@code :2,<letters>} (cr.yp.to/proto/maildir.html): upper-case
 * letters are the standard flags, lower-case letters are Dovecot keywords indexed by {@code dovecot-keywords}.
 * Letters are written in ASCII order, as the Maildir spec asks.
 */
public final class MaildirFlags {
    /** Where the info part starts. */
    public static final String INFO_PREFIX = ":2,";
    /**
     * "Passed" (resent, forwarded, bounced) has no IMAP system flag; $Forwarded from the IANA keyword registry
     * (RFC 5788) means the same, and keeps the flag across a round trip.
     */
    public static final String PASSED_KEYWORD = "$forwarded";

    private static final Map<Character, SystemFlag> LETTERS = Map.of('D', SystemFlag.DRAFT,
            'F', SystemFlag.FLAGGED, 'R', SystemFlag.ANSWERED, 'S', SystemFlag.SEEN, 'T', SystemFlag.DELETED);

    private MaildirFlags() {
    }

    /**
     * Flags of a message file. Letters that are neither standard nor in {@code keywords} are ignored, as Dovecot
     * ignores them.
     *
     * @param fileName the file's name
     * @param keywords the folder's {@code dovecot-keywords}, index 0 being letter {@code a}
     * @param fromNew  messages in {@code new/} have not been seen by any client yet, so they are never \Seen
     */
    public static Flags parse(String fileName, List<String> keywords, boolean fromNew) {
        EnumSet<SystemFlag> system = EnumSet.noneOf(SystemFlag.class);
        Set<String> words = new TreeSet<>();
        int info = fileName.lastIndexOf(INFO_PREFIX);
        if (info >= 0) {
            for (int i = info + INFO_PREFIX.length(); i < fileName.length(); i++) {
                char c = fileName.charAt(i);
                SystemFlag f = LETTERS.get(c);
                if (f != null) {
                    system.add(f);
                } else if (c == 'P') {
                    words.add(PASSED_KEYWORD);
                } else if (c >= 'a' && c <= 'z' && c - 'a' < keywords.size() && keywords.get(c - 'a') != null) {
                    words.add(keywords.get(c - 'a'));
                }
            }
        }
        if (fromNew) {
            system.remove(SystemFlag.SEEN);
        }
        return Flags.of(system, words);
    }

    /**
     * The info part for {@code flags}; keywords missing from {@code letters} are left out (the caller reports
     * them).
     */
    public static String format(Flags flags, Map<String, Character> letters) {
        TreeSet<Character> chars = new TreeSet<>();
        for (Map.Entry<Character, SystemFlag> e : LETTERS.entrySet()) {
            if (flags.has(e.getValue())) {
                chars.add(e.getKey());
            }
        }
        for (String k : flags.keywords()) {
            if (k.equals(PASSED_KEYWORD)) {
                chars.add('P');
            } else if (letters.containsKey(k)) {
                chars.add(letters.get(k));
            }
        }
        StringBuilder out = new StringBuilder(INFO_PREFIX);
        chars.forEach(out::append);
        return out.toString();
    }

    /** The name without its info part. */
    public static String baseName(String fileName) {
        int info = fileName.lastIndexOf(INFO_PREFIX);
        return info < 0 ? fileName : fileName.substring(0, info);
    }
}
