package io.serai.routes.relay.spool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The relay's durable queue: a directory {@code queue/} of messages waiting for delivery and a directory
 * {@code dead/} of messages that could not be delivered. Each entry is two files, {@code ID.eml} (the bytes) and
 * {@code ID.env} (its {@link SpoolEntry}). Both are written to a temporary name, forced to disk and renamed, the
 * envelope last: an entry exists once its {@code .env} does, so a crash while writing leaves no half entry. Entries
 * are plain files, so the queue survives restarts and an operator can inspect it with ordinary tools.
 *
 * <p>Not thread-safe for the same entry: the relay has one delivery thread, and the shell commands only touch
 * dead letters, which that thread never reads back.
 */
public final class RelaySpool implements Spool {

    private static final Pattern ID = Pattern.compile("[0-9a-z-]{1,64}");

    private final Path queue;
    private final Path dead;

    public RelaySpool(Path directory) throws IOException {
        this.queue = Files.createDirectories(directory.resolve("queue"));
        this.dead = Files.createDirectories(directory.resolve("dead"));
    }

    /** Queues a message for delivery now; the content's leading Return-Path is dropped. Returns the entry. */
    @Override
    public SpoolEntry enqueue(String sender, List<String> recipients, InputStream content, Instant now)
            throws IOException {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a message to relay needs recipients");
        }
        String id = newId(now);
        Path tmp = queue.resolve(id + ".eml.tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ReturnPathStripper.copy(content, out);
        }
        force(tmp);
        Files.move(tmp, queue.resolve(id + ".eml"), StandardCopyOption.ATOMIC_MOVE);
        SpoolEntry entry = new SpoolEntry(id, sender, recipients, now, 0, now, "");
        writeEnvelope(queue, entry);
        return entry;
    }

    /** Queued entries whose next attempt is due at {@code now}, oldest first. */
    @Override
    public List<SpoolEntry> due(Instant now) throws IOException {
        return list(queue).stream().filter(e -> !e.nextAttempt().isAfter(now)).toList();
    }

    /** All queued entries, oldest first. */
    @Override
    public List<SpoolEntry> queued() throws IOException {
        return list(queue);
    }

    @Override
    public InputStream openQueued(SpoolEntry entry) throws IOException {
        // a SharedInputStream: jakarta.mail reads the body parts from the file instead of copying them to memory
        return new jakarta.mail.util.SharedFileInputStream(queue.resolve(entry.id() + ".eml").toFile());
    }

    /** Records a failed attempt (fewer recipients, next attempt, error). */
    @Override
    public void update(SpoolEntry entry) throws IOException {
        writeEnvelope(queue, entry);
    }

    /** Removes a delivered entry. */
    @Override
    public void remove(SpoolEntry entry) throws IOException {
        removeFiles(queue, entry.id());
    }

    /**
     * Keeps a copy of a queued message as a dead letter for {@code failed} recipients with the final error. The
     * queued entry itself stays: remove or update it afterwards, so a crash in between duplicates, never loses.
     */
    @Override
    public SpoolEntry deadLetter(SpoolEntry entry, List<String> failed, String error, Instant now)
            throws IOException {
        String id = newId(now);
        Path tmp = dead.resolve(id + ".eml.tmp");
        Files.copy(queue.resolve(entry.id() + ".eml"), tmp, StandardCopyOption.REPLACE_EXISTING);
        force(tmp);
        Files.move(tmp, dead.resolve(id + ".eml"), StandardCopyOption.ATOMIC_MOVE);
        SpoolEntry letter = new SpoolEntry(id, entry.sender(), failed, entry.queuedAt(), entry.attempts(), now,
                error);
        writeEnvelope(dead, letter);
        return letter;
    }

    /** Dead letters, oldest first. */
    @Override
    public List<SpoolEntry> deadLetters() throws IOException {
        return list(dead);
    }

    @Override
    public Optional<SpoolEntry> deadLetter(String id) throws IOException {
        if (!ID.matcher(id).matches() || !Files.exists(dead.resolve(id + ".env"))) {
            return Optional.empty();
        }
        return Optional.of(readEnvelope(dead, id));
    }

    @Override
    public InputStream openDeadLetter(SpoolEntry letter) throws IOException {
        return Files.newInputStream(dead.resolve(letter.id() + ".eml"));
    }

    /** Moves a dead letter back into the queue, due now with a fresh lifetime; returns the queued entry. */
    @Override
    public SpoolEntry replay(SpoolEntry letter, Instant now) throws IOException {
        SpoolEntry queued = new SpoolEntry(letter.id(), letter.sender(), letter.recipients(), now, 0, now, "");
        Files.move(dead.resolve(letter.id() + ".eml"), queue.resolve(letter.id() + ".eml"),
                StandardCopyOption.ATOMIC_MOVE);
        writeEnvelope(queue, queued);
        Files.deleteIfExists(dead.resolve(letter.id() + ".env"));
        return queued;
    }

    /** Deletes a dead letter for good. */
    @Override
    public void purge(SpoolEntry letter) throws IOException {
        removeFiles(dead, letter.id());
    }

    private static String newId(Instant now) {
        // sortable by time in a directory listing, unique by the random part
        return String.format("%013x-%s", now.toEpochMilli(), UUID.randomUUID().toString().substring(0, 8));
    }

    private static void writeEnvelope(Path dir, SpoolEntry entry) throws IOException {
        Path tmp = dir.resolve(entry.id() + ".env.tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            entry.toProperties().store(out, null);
        }
        force(tmp);
        Files.move(tmp, dir.resolve(entry.id() + ".env"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static SpoolEntry readEnvelope(Path dir, String id) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(id + ".env"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return SpoolEntry.fromProperties(id, p);
    }

    private static List<SpoolEntry> list(Path dir) throws IOException {
        List<SpoolEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.env")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                try {
                    entries.add(readEnvelope(dir, name.substring(0, name.length() - ".env".length())));
                } catch (NoSuchFileException gone) {
                    // removed meanwhile (delivered, replayed or purged)
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        entries.sort(Comparator.comparing(SpoolEntry::queuedAt).thenComparing(SpoolEntry::id));
        return entries;
    }

    private static void removeFiles(Path dir, String id) throws IOException {
        // envelope first: without it the entry no longer exists, even if deleting the bytes fails
        Files.deleteIfExists(dir.resolve(id + ".env"));
        Files.deleteIfExists(dir.resolve(id + ".eml"));
    }

    private static void force(Path file) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
