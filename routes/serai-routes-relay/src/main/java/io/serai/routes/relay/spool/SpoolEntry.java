package io.serai.routes.relay.spool;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * The envelope and delivery state of one spooled message; its bytes are in a file next to it.
 *
 * @param id          the name of the entry's files
 * @param sender      the reverse-path, empty for the null reverse-path {@code <>} (bounces are never bounced)
 * @param recipients  the recipients still to deliver to (a dead letter: those that failed)
 * @param queuedAt    when the message entered the queue; its lifetime counts from here
 * @param attempts    delivery attempts so far
 * @param nextAttempt when the next attempt is due
 * @param lastError   what the last attempt (or, for a dead letter, the final one) reported; empty before
 */
public record SpoolEntry(String id, String sender, List<String> recipients, Instant queuedAt, int attempts,
                         Instant nextAttempt, String lastError) {

    public SpoolEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sender, "sender");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(queuedAt, "queuedAt");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
        lastError = lastError == null ? "" : lastError;
    }

    /** This entry after a failed attempt, with the recipients still pending. */
    public SpoolEntry retryLater(List<String> pending, Instant next, String error) {
        return new SpoolEntry(id, sender, pending, queuedAt, attempts + 1, next, error);
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("sender", sender);
        p.setProperty("recipients", String.join("\n", recipients));
        p.setProperty("queuedAt", queuedAt.toString());
        p.setProperty("attempts", Integer.toString(attempts));
        p.setProperty("nextAttempt", nextAttempt.toString());
        p.setProperty("lastError", lastError);
        return p;
    }

    static SpoolEntry fromProperties(String id, Properties p) {
        String recipients = p.getProperty("recipients", "");
        return new SpoolEntry(id, p.getProperty("sender", ""),
                recipients.isEmpty() ? List.of() : List.of(recipients.split("\n")),
                Instant.parse(p.getProperty("queuedAt")), Integer.parseInt(p.getProperty("attempts", "0")),
                Instant.parse(p.getProperty("nextAttempt")), p.getProperty("lastError", ""));
    }
}
