package io.serai.camel.mailbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the file name a sender chose into one that is safe to use as a Camel attachment name, which routes often
 * use as a file name: only the last path segment survives (no {@code ../}, no absolute paths, no drive letters),
 * control, format (bidi override) and reserved characters become {@code _}, leading dots and trailing dots or spaces
 * go, Windows device names get a prefix, and the result fits 200 UTF-8 octets. Names repeat within one message as
 * {@code name (2).ext}. One instance per message.
 */
final class AttachmentNames {

    private static final int MAX_OCTETS = 200;
    private static final Set<String> DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
            "lpt9");

    private final Set<String> used = new HashSet<>();

    /** A unique safe name for {@code wanted}, or {@code attachment-n} when nothing usable is left of it. */
    String next(String wanted, int n) {
        String name = clean(wanted == null ? "" : wanted);
        if (name.isEmpty()) {
            name = "attachment-" + n;
        }
        String unique = name;
        for (int copy = 2; !used.add(unique.toLowerCase(Locale.ROOT)); copy++) {
            int dot = name.lastIndexOf('.');
            unique = dot > 0 ? name.substring(0, dot) + " (" + copy + ")" + name.substring(dot)
                    : name + " (" + copy + ")";
        }
        return unique;
    }

    static String clean(String raw) {
        String last = raw;
        int slash = Math.max(last.lastIndexOf('/'), last.lastIndexOf('\\'));
        if (slash >= 0) {
            last = last.substring(slash + 1);
        }
        StringBuilder out = new StringBuilder(last.length());
        last.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean unsafe = Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || "<>:\"|?*".indexOf(c) >= 0;
            out.appendCodePoint(unsafe ? '_' : c);
        });
        String name = out.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        while (name.endsWith(".") || name.endsWith(" ")) {
            name = name.substring(0, name.length() - 1);
        }
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
        if (DEVICES.contains(stem)) {
            name = "_" + name;
        }
        return fit(name);
    }

    /** Cuts the stem (keeping the extension) until the name fits, never inside a code point. */
    private static String fit(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_OCTETS) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = ext.isEmpty() ? name : name.substring(0, dot);
        int budget = MAX_OCTETS - ext.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder cut = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < stem.length(); ) {
            int c = stem.codePointAt(i);
            int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > budget) {
                break;
            }
            cut.appendCodePoint(c);
            octets += size;
            i += Character.charCount(c);
        }
        return cut + ext;
    }
}
