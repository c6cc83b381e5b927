package io.serai.routes.relay;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.serai.routes.relay.spool.Spool;
import io.serai.routes.relay.spool.SpoolEntry;

/**
 * The relay's dead-letter folder as the shell commands see it ({@code serai:deadletter-*}). Published as a
 * service while the relay is configured.
 */
public final class DeadLetters {

    private final Spool spool;
    private final Clock clock;

    DeadLetters(Spool spool, Clock clock) {
        this.spool = spool;
        this.clock = clock;
    }

    public List<SpoolEntry> list() throws IOException {
        return spool.deadLetters();
    }

    public Optional<SpoolEntry> find(String id) throws IOException {
        return spool.deadLetter(id);
    }

    public InputStream open(SpoolEntry letter) throws IOException {
        return spool.openDeadLetter(letter);
    }

    /** Puts the message back into the queue for its failed recipients, due now with a fresh lifetime. */
    public SpoolEntry replay(SpoolEntry letter) throws IOException {
        return spool.replay(letter, clock.instant());
    }

    public void purge(SpoolEntry letter) throws IOException {
        spool.purge(letter);
    }
}
