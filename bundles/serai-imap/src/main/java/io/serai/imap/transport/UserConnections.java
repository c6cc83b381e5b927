package io.serai.imap.transport;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the authenticated sessions of each account on one listener, so one account (or one stolen password)
 * cannot take all connections. Account names are compared case-insensitively, as the store compares them.
 */
final class UserConnections {

    private final int maxPerUser;
    private final Map<String, Integer> sessions = new ConcurrentHashMap<>();

    UserConnections(int maxPerUser) {
        this.maxPerUser = maxPerUser;
    }

    /** Counts a new session of {@code user}, or returns false (and counts nothing) when it has too many. */
    boolean tryAdd(String user) {
        boolean[] admitted = {false};
        sessions.compute(key(user), (k, n) -> {
            int count = n == null ? 0 : n;
            admitted[0] = count < maxPerUser;
            return admitted[0] ? count + 1 : n;
        });
        return admitted[0];
    }

    /** A session counted by {@link #tryAdd} ended. */
    void remove(String user) {
        sessions.computeIfPresent(key(user), (k, n) -> n == 1 ? null : n - 1);
    }

    int sessions(String user) {
        return sessions.getOrDefault(key(user), 0);
    }

    private static String key(String user) {
        return user.toLowerCase(Locale.ROOT);
    }
}
