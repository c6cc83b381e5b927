package io.serai.store.transfer.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serai.store.api.Flags;

/**
 * The {@code dovecot-keywords} file of a Maildir folder (Dovecot's Maildir docs): lines {@code <index> <name>},
 * where index 0 is file-name letter {@code a} and 25 is {@code z}. Only 26 keywords fit per folder.
 */
public final class DovecotKeywords {
    public static final String FILE_NAME = "dovecot-keywords";
    public static final int MAX = 26;

    private DovecotKeywords() {
    }

    /**
     * The keyword per index; missing indexes are null. No file means no keywords. Names that the store cannot
     * hold as keywords (empty, starting with a backslash) are left out.
     */
    public static List<String> read(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> byIndex = new ArrayList<>(Collections.nCopies(MAX, null));
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int space = line.indexOf(' ');
            if (space <= 0) {
                continue;
            }
            try {
                int index = Integer.parseInt(line.substring(0, space));
                String name = line.substring(space + 1).trim();
                if (index >= 0 && index < MAX && !name.isEmpty() && !name.startsWith("\\")) {
                    byIndex.set(index, Flags.normalizeKeyword(name));
                }
            } catch (NumberFormatException e) {
                // not a keyword line: Dovecot ignores it too
            }
        }
        return byIndex;
    }

    /** Writes the letters chosen for a folder's keywords. */
    public static void write(Path folder, Map<String, Character> letters) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(folder.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Character> e : letters.entrySet()) {
                w.write((e.getValue() - 'a') + " " + e.getKey() + "\n");
            }
        }
    }

    /** Letters {@code a}, {@code b}, … for the first 26 keywords in the given order. */
    public static Map<String, Character> assignLetters(Iterable<String> keywords) {
        Map<String, Character> letters = new LinkedHashMap<>();
        for (String k : keywords) {
            if (letters.size() == MAX) {
                break;
            }
            letters.put(k, (char) ('a' + letters.size()));
        }
        return letters;
    }
}
