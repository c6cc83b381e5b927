package io.serai.pop3.api;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive-access locks of maildrops (RFC 1939 §4: the server acquires an exclusive lock on the maildrop
 * when entering TRANSACTION). Share one instance between listeners that serve the same store (e.g. the POP3 and
 * POP3S listeners of a Karaf container) so a user cannot open the same maildrop through both. Account names are
 * compared case-insensitively, as the store compares them.
 */
public final class MaildropLocks {

    private final Set<String> held = ConcurrentHashMap.newKeySet();

    /** Locks {@code account}'s maildrop, or empty if another session holds it. Closing the lease releases it. */
    public Optional<Lease> tryLock(String account) {
        String key = account.toLowerCase(Locale.ROOT);
        return held.add(key) ? Optional.of(new Lease(key)) : Optional.empty();
    }

    /** Whether a session holds {@code account}'s maildrop. */
    public boolean isLocked(String account) {
        return held.contains(account.toLowerCase(Locale.ROOT));
    }

    /** A held lock; {@link #close()} is idempotent. */
    public final class Lease implements AutoCloseable {

        private final String key;
        private boolean released;

        private Lease(String key) {
            this.key = key;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                held.remove(key);
            }
        }
    }
}
