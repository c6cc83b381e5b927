package io.serai.store.transfer.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Dovecot's {@code dovecot-uidlist} (Dovecot's Maildir docs): the UID Dovecot gave each file. Importing in that
 * order keeps the message order IMAP clients saw. Version 3 lines are {@code <uid> [<extension>...]
 * :<file name>}, version 1 lines {@code <uid> <file name>}; the header line is skipped. Names are compared
 * without their info part, which changes with the flags after the list was written.
 */
public final class DovecotUidList {
    public static final String FILE_NAME = "dovecot-uidlist";

    private DovecotUidList() {
    }

    /** Base name → UID; empty if there is no list or it cannot be read (the order is then a nicety lost). */
    public static Map<String, Long> read(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        Map<String, Long> uids = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return uids;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            boolean v3 = header != null && header.startsWith("3 ");
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int space = line.indexOf(' ');
                if (space <= 0) {
                    continue;
                }
                String name = v3 ? nameAfterColon(line, space) : line.substring(space + 1).trim();
                if (name != null && !name.isEmpty()) {
                    uids.put(MaildirFlags.baseName(name), Long.parseLong(line.substring(0, space)));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return uids;
    }

    private static String nameAfterColon(String line, int space) {
        int colon = line.indexOf(" :", space - 1);
        return colon < 0 ? null : line.substring(colon + 2).trim();
    }

    /** Listed files in UID order first, then the others (delivered later) in delivery order. */
    public static Comparator<String> order(Map<String, Long> uids) {
        return Comparator.<String>comparingLong(name -> uids.getOrDefault(MaildirFlags.baseName(name),
                Long.MAX_VALUE)).thenComparing(MaildirFileNames.DELIVERY_ORDER);
    }
}
