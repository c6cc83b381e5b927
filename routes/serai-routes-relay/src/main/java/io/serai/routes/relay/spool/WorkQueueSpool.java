package io.serai.routes.relay.spool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.serai.store.api.ContentSource;
import io.serai.store.api.StoreException;
import io.serai.store.api.cluster.Coordination;
import io.serai.store.api.cluster.QueueEntry;
import io.serai.store.api.cluster.WorkQueue;

/**
 * The relay queue and dead letters as the shared store's work queues {@code relay} and {@code relay-dead}, for
 * several nodes on one store: whichever node's relay claims a due entry sends it, a node that dies loses its claims
 * when they expire and another node takes its mail over, and a claim is checked before each send, so a message is
 * sent once unless a node died after the smart host said 250 and before the store heard of it (SMTP's own
 * at-least-once). The envelope lives in the entry's attributes.
 */
public final class WorkQueueSpool implements Spool {
    private static final int CLAIM_BATCH = 32;

    private final WorkQueue queue;
    private final WorkQueue dead;
    private final Map<String, WorkQueue.Claim> claims = new ConcurrentHashMap<>();

    public WorkQueueSpool(Coordination coordination) {
        this.queue = coordination.queue("relay");
        this.dead = coordination.queue("relay-dead");
    }

    @Override
    public SpoolEntry enqueue(String sender, List<String> recipients, InputStream content, Instant now)
            throws IOException {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a message to relay needs recipients");
        }
        // the Return-Path is dropped on the way in, as the directory spool does; the copy streams through a file
        Path tmp = Files.createTempFile("serai-relay-", ".eml");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ReturnPathStripper.copy(content, out);
            }
            SpoolEntry draft = new SpoolEntry("new", sender, recipients, now, 0, now, "");
            QueueEntry e = queue.enqueue(attributes(draft), ContentSource.of(tmp), now);
            return entry(e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public List<SpoolEntry> due(Instant now) throws IOException {
        List<SpoolEntry> out = new ArrayList<>();
        for (WorkQueue.Claim c : queue.claimDue(now, CLAIM_BATCH)) {
            claims.put(c.entry().id(), c);
            out.add(entry(c.entry()));
        }
        return out;
    }

    @Override
    public boolean owns(SpoolEntry entry) {
        WorkQueue.Claim c = claims.get(entry.id());
        return c != null && c.isValid();
    }

    @Override
    public void release(SpoolEntry entry) {
        WorkQueue.Claim c = claims.remove(entry.id());
        if (c != null) {
            c.close();
        }
    }

    @Override
    public List<SpoolEntry> queued() throws IOException {
        List<SpoolEntry> out = new ArrayList<>();
        for (QueueEntry e : queue.entries()) {
            out.add(entry(e));
        }
        return out;
    }

    @Override
    public InputStream openQueued(SpoolEntry entry) throws IOException {
        return queue.open(queued(entry.id(), queue));
    }

    @Override
    public void update(SpoolEntry entry) throws IOException {
        WorkQueue.Claim c = claim(entry);
        claims.remove(entry.id());
        c.reschedule(attributes(entry), entry.nextAttempt());
    }

    @Override
    public void remove(SpoolEntry entry) throws IOException {
        WorkQueue.Claim c = claim(entry);
        claims.remove(entry.id());
        c.complete();
    }

    @Override
    public SpoolEntry deadLetter(SpoolEntry entry, List<String> failed, String error, Instant now)
            throws IOException {
        SpoolEntry letter = new SpoolEntry("dead", entry.sender(), failed, entry.queuedAt(), entry.attempts(), now,
                error);
        return entry(claim(entry).copyTo(dead, attributes(letter), now));
    }

    @Override
    public List<SpoolEntry> deadLetters() throws IOException {
        List<SpoolEntry> out = new ArrayList<>();
        for (QueueEntry e : dead.entries()) {
            out.add(entry(e));
        }
        return out;
    }

    @Override
    public Optional<SpoolEntry> deadLetter(String id) throws IOException {
        Optional<QueueEntry> e = dead.find(id);
        return e.isPresent() ? Optional.of(entry(e.get())) : Optional.empty();
    }

    @Override
    public InputStream openDeadLetter(SpoolEntry letter) throws IOException {
        return dead.open(queued(letter.id(), dead));
    }

    @Override
    public SpoolEntry replay(SpoolEntry letter, Instant now) throws IOException {
        SpoolEntry fresh = new SpoolEntry(letter.id(), letter.sender(), letter.recipients(), now, 0, now, "");
        return entry(dead.transfer(queued(letter.id(), dead), queue, attributes(fresh), now));
    }

    @Override
    public void purge(SpoolEntry letter) throws IOException {
        dead.remove(queued(letter.id(), dead));
    }

    private WorkQueue.Claim claim(SpoolEntry entry) throws StoreException {
        WorkQueue.Claim c = claims.get(entry.id());
        if (c == null) {
            throw new StoreException("relay entry " + entry.id() + " is not claimed by this node");
        }
        return c;
    }

    private static QueueEntry queued(String id, WorkQueue q) throws IOException {
        return q.find(id).orElseThrow(() -> new StoreException("no entry " + id + " in " + q.name()));
    }

    static Map<String, String> attributes(SpoolEntry e) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("sender", e.sender());
        a.put("recipients", String.join("\n", e.recipients()));
        a.put("queuedAt", e.queuedAt().toString());
        a.put("attempts", Integer.toString(e.attempts()));
        a.put("lastError", e.lastError());
        return a;
    }

    static SpoolEntry entry(QueueEntry q) {
        Map<String, String> a = q.attributes();
        String recipients = a.getOrDefault("recipients", "");
        return new SpoolEntry(q.id(), a.getOrDefault("sender", ""),
                recipients.isEmpty() ? List.of() : List.of(recipients.split("\n")),
                Instant.parse(a.getOrDefault("queuedAt", q.queuedAt().toString())),
                Integer.parseInt(a.getOrDefault("attempts", "0")), q.due(), a.getOrDefault("lastError", ""));
    }
}
