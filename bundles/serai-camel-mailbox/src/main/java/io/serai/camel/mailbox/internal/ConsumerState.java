package io.serai.camel.mailbox.internal;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a consumer has done with its folder, kept in a small file so it survives restarts: the folder's UIDVALIDITY,
 * the highest UID handled, the UIDs that failed and were left in the folder (tried again at the next start), and
 * the UID in flight, so that a message whose outcome a crash lost is offered again marked as redelivered rather
 * than silently twice. The file is replaced atomically, so a crash leaves either the old or the new state.
 */
public final class ConsumerState {

    private final StateStorage storage;
    private long uidValidity;
    private long lastUid;
    private long inFlight;
    private final SortedSet<Long> retry = new TreeSet<>();

    private ConsumerState(StateStorage storage, long uidValidity, long lastUid) {
        this.storage = storage;
        this.uidValidity = uidValidity;
        this.lastUid = lastUid;
    }

    /**
     * The state file of one account's folder: both names URL-encoded, so no name can escape the directory, and
     * joined by {@code ~}, which the encoder always escapes, so two folders never share a file.
     */
    public static Path fileFor(Path directory, String account, String folder) {
        return directory.resolve(URLEncoder.encode(account, StandardCharsets.UTF_8) + "~"
                + URLEncoder.encode(folder, StandardCharsets.UTF_8) + ".state");
    }

    /** A fresh state, not yet saved. */
    public static ConsumerState fresh(Path file, long uidValidity, long lastUid) {
        return fresh(StateStorage.file(file), uidValidity, lastUid);
    }

    public static ConsumerState fresh(StateStorage storage, long uidValidity, long lastUid) {
        return new ConsumerState(storage, uidValidity, lastUid);
    }

    public static Optional<ConsumerState> load(Path file) throws IOException {
        return load(StateStorage.file(file));
    }

    public static Optional<ConsumerState> load(StateStorage storage) throws IOException {
        Optional<byte[]> bytes = storage.read();
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(new ByteArrayInputStream(bytes.get()),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        try {
            ConsumerState s = new ConsumerState(storage, Long.parseLong(p.getProperty("uidValidity")),
                    Long.parseLong(p.getProperty("lastUid")));
            for (String uid : p.getProperty("retry", "").split(",")) {
                if (!uid.isBlank()) {
                    s.retry.add(Long.parseLong(uid.trim()));
                }
            }
            long crashed = Long.parseLong(p.getProperty("inFlight", "0"));
            if (crashed > 0) {
                // the outcome of this one was not recorded: offer it again, as a redelivery
                s.retry.add(crashed);
            }
            return Optional.of(s);
        } catch (RuntimeException e) {
            throw new IOException("mailbox: unreadable consumer state " + storage.location() + ": " + e.getMessage(), e);
        }
    }

    public void save() throws IOException {
        Properties p = new Properties();
        p.setProperty("uidValidity", Long.toString(uidValidity));
        p.setProperty("lastUid", Long.toString(lastUid));
        p.setProperty("retry", retry.stream().map(String::valueOf).collect(Collectors.joining(",")));
        p.setProperty("inFlight", Long.toString(inFlight));
        StringWriter out = new StringWriter();
        p.store(out, "serai camel-mailbox consumer state");
        storage.write(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Marks one message as being delivered, until {@link #handled}. */
    public void begin(long uid) {
        inFlight = uid;
    }

    /** Records the outcome of one message. */
    public void handled(long uid, boolean leftForRetry) {
        inFlight = 0;
        lastUid = Math.max(lastUid, uid);
        if (leftForRetry) {
            retry.add(uid);
        } else {
            retry.remove(uid);
        }
    }

    public long uidValidity() {
        return uidValidity;
    }

    public long lastUid() {
        return lastUid;
    }

    public SortedSet<Long> retry() {
        return new TreeSet<>(retry);
    }

    /** Where it is kept, for messages. */
    public String location() {
        return storage.location();
    }
}
