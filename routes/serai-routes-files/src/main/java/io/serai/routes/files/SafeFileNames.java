package io.serai.routes.files;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the file names senders put in {@code Content-Disposition}/{@code Content-Type} into names that are safe to
 * create in one directory: no path (the last segment after {@code /} or {@code \} only), no control characters,
 * none of the characters Windows forbids, no leading dot (so no {@code ..} and no hidden files), no Windows
 * device names, at most {@link #MAX_LENGTH} characters; and unique within the directory, ignoring case, by
 * numbering repeats {@code name (2).ext}. One instance per directory.
 */
final class SafeFileNames {

    static final int MAX_LENGTH = 120;
    static final String FALLBACK = "attachment";

    private static final Set<String> DEVICE_NAMES = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private final Set<String> used = new HashSet<>();

    /** A safe name for {@code proposed} that no earlier call of this instance returned. */
    String unique(String proposed) {
        String clean = clean(proposed);
        String candidate = clean;
        int dot = clean.lastIndexOf('.');
        String stem = dot > 0 ? clean.substring(0, dot) : clean;
        String ext = dot > 0 ? clean.substring(dot) : "";
        for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = stem + " (" + n + ")" + ext;
        }
        return candidate;
    }

    /** The safe form of one name, without the uniqueness check. */
    static String clean(String proposed) {
        String name = proposed == null ? "" : proposed;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> out.appendCodePoint(allowed(cp) ? cp : '_'));
        name = out.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        // Windows drops trailing dots and spaces, which would make two names collide on disk
        while (name.endsWith(".") || name.endsWith(" ")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.chars().allMatch(c -> c == '_')) {
            return FALLBACK;
        }
        int dot = name.indexOf('.');
        String base = (dot >= 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
        if (DEVICE_NAMES.contains(base)) {
            name = "_" + name;
        }
        return shorten(name);
    }

    private static boolean allowed(int cp) {
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
            return false; // C0, DEL, C1 control characters
        }
        if (Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.LINE_SEPARATOR
                || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
            return false; // e.g. U+202E RIGHT-TO-LEFT OVERRIDE, which disguises "exe.pdf" as "fdp.exe"
        }
        return "<>:\"|?*/\\".indexOf(cp) < 0;
    }

    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        int keep = MAX_LENGTH - ext.length();
        return name.substring(0, name.offsetByCodePoints(0, keep)) + ext;
    }
}
