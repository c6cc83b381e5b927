package io.serai.store.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes and reads Maildir++ trees in tests, independently of the production code, so a shared bug in the
 * name or flag handling cannot make both sides agree.
 */
final class MaildirTree {
    /** One message file as a test sees it: its bytes, its flag letters resolved to names, its mtime. */
    record FileMessage(String content, TreeSet<String> flags, Instant mtime) {
    }

    private MaildirTree() {
    }

    static Path folder(Path root, String dirName, String... keywords) throws IOException {
        Path dir = dirName.isEmpty() ? root : root.resolve(dirName);
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(dir.resolve(sub));
        }
        if (keywords.length > 0) {
            StringBuilder file = new StringBuilder();
            for (int i = 0; i < keywords.length; i++) {
                file.append(i).append(' ').append(keywords[i]).append('\n');
            }
            Files.writeString(dir.resolve("dovecot-keywords"), file.toString());
        }
        return dir;
    }

    static Path message(Path folder, String sub, String name, String content, Instant mtime) throws IOException {
        Path file = Files.write(folder.resolve(sub).resolve(name), Bytes.of(content));
        Files.setLastModifiedTime(file, FileTime.from(mtime));
        return file;
    }

    /** Folder directory name → its messages (sorted by content), for whole-tree comparisons. */
    static Map<String, List<FileMessage>> read(Path root) throws IOException {
        Map<String, List<FileMessage>> tree = new TreeMap<>();
        tree.put("", readFolder(root));
        try (Stream<Path> list = Files.list(root)) {
            for (Path p : list.filter(p -> p.getFileName().toString().startsWith(".")).toList()) {
                tree.put(p.getFileName().toString(), readFolder(p));
            }
        }
        return tree;
    }

    static List<FileMessage> readFolder(Path folder) throws IOException {
        Map<Character, String> keywords = new TreeMap<>();
        Path kwFile = folder.resolve("dovecot-keywords");
        if (Files.exists(kwFile)) {
            for (String line : Files.readAllLines(kwFile, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ", 2);
                keywords.put((char) ('a' + Integer.parseInt(parts[0])), parts[1].toLowerCase());
            }
        }
        List<FileMessage> out = new ArrayList<>();
        for (String sub : List.of("cur", "new")) {
            try (Stream<Path> files = Files.list(folder.resolve(sub))) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    TreeSet<String> flags = new TreeSet<>();
                    int info = name.indexOf(":2,");
                    if (info >= 0) {
                        for (char c : name.substring(info + 3).toCharArray()) {
                            flags.add(Character.isLowerCase(c) ? keywords.get(c) : String.valueOf(c));
                        }
                    }
                    if (sub.equals("new")) {
                        flags.remove("S");
                    }
                    out.add(new FileMessage(Bytes.latin1(Files.readAllBytes(f)), flags,
                            Files.getLastModifiedTime(f).toInstant()));
                }
            }
        }
        out.sort((a, b) -> a.content().compareTo(b.content()));
        return out;
    }
}
