package io.serai.store.postgres.internal.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.serai.store.api.QuotaExceededException;
import io.serai.store.api.QuotaLimits;

/**
 * An account's quota counters, locked for the transaction (in address order, so two transactions never wait on
 * each other in a cycle), checked and updated in the same transaction as the messages they count.
 *
 * <p>Two ways in. {@link #lock} reads the counters ({@code SELECT ... FOR NO KEY UPDATE}), the caller checks each
 * addition and {@link #save}s the sum. {@link #reserve} first tries to add what a whole batch wants in one
 * conditional {@code UPDATE} (the row lock and the quota check in one round trip, the common case), and falls back
 * to {@link #lock} only for an account the whole batch would take over its quota, so that the appends that fit
 * still go in.
 */
final class AccountUsage {
    /** Whether the row was updated by {@link #reserve}: then {@code octets}/{@code messages} count only this batch. */
    private final boolean reserved;
    private final long reservedOctets;
    private final long reservedMessages;
    final String address;
    final QuotaLimits limits;
    long octets;
    long messages;

    private AccountUsage(String address, QuotaLimits limits, long octets, long messages) {
        this.reserved = false;
        this.reservedOctets = 0;
        this.reservedMessages = 0;
        this.address = address;
        this.limits = limits;
        this.octets = octets;
        this.messages = messages;
    }

    private AccountUsage(String address, long reservedOctets, long reservedMessages) {
        this.reserved = true;
        this.reservedOctets = reservedOctets;
        this.reservedMessages = reservedMessages;
        this.address = address;
        this.limits = null;
    }

    /**
     * For each account (address order) the octets and messages a batch wants to add: added and locked in one
     * statement where they fit the quota; otherwise the account is {@linkplain #lock locked and read} so that each
     * addition is checked on its own. Accounts that do not exist are missing from the result.
     */
    static Map<String, AccountUsage> reserve(Connection c, Map<String, long[]> wanted, QuotaLimits defaults)
            throws SQLException {
        Map<String, AccountUsage> out = new TreeMap<>();
        // an account without its own limits has the store's defaults (both columns are set, or neither)
        try (PreparedStatement p = c.prepareStatement("UPDATE account SET used_octets = used_octets + ?, "
                + "used_messages = used_messages + ? WHERE address = ? "
                + "AND used_octets + ? <= CASE WHEN max_octets IS NULL THEN ? ELSE max_octets END "
                + "AND used_messages + ? <= CASE WHEN max_octets IS NULL THEN ? ELSE COALESCE(max_messages, 0) END")) {
            for (Map.Entry<String, long[]> e : new TreeMap<>(wanted).entrySet()) {
                long addOctets = e.getValue()[0];
                long addMessages = e.getValue()[1];
                p.setLong(1, addOctets);
                p.setLong(2, addMessages);
                p.setString(3, e.getKey());
                p.setLong(4, addOctets);
                p.setLong(5, defaults.maxOctets());
                p.setLong(6, addMessages);
                p.setLong(7, defaults.maxMessages());
                if (p.executeUpdate() == 1) {
                    out.put(e.getKey(), new AccountUsage(e.getKey(), addOctets, addMessages));
                } else {
                    out.putAll(lock(c, List.of(e.getKey()), defaults));
                }
            }
        }
        return out;
    }

    /** Takes {@code octets} and {@code messages} off an account's usage (never below zero), in one statement. */
    static void release(Connection c, String address, long octets, long messages) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE account SET used_octets = GREATEST(0, used_octets - ?), "
                + "used_messages = GREATEST(0, used_messages - ?) WHERE address = ?")) {
            p.setLong(1, octets);
            p.setLong(2, messages);
            p.setString(3, address);
            p.executeUpdate();
        }
    }

    static Map<String, AccountUsage> lock(Connection c, Collection<String> accounts, QuotaLimits defaults)
            throws SQLException {
        Map<String, AccountUsage> out = new TreeMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT used_octets, used_messages, max_octets, max_messages "
                + "FROM account WHERE address = ? FOR NO KEY UPDATE")) {
            for (String a : new TreeSet<>(accounts)) {
                p.setString(1, a);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        long maxOctets = rs.getLong(3);
                        boolean own = !rs.wasNull();
                        long maxMessages = rs.getLong(4);
                        QuotaLimits l = own ? new QuotaLimits(maxOctets, maxMessages) : defaults;
                        out.put(a, new AccountUsage(a, l, rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
        }
        return out;
    }

    void check(long addOctets, long addMessages) throws QuotaExceededException {
        if (reserved) {
            return; // the whole batch fitted; each part of it does
        }
        if (octets + addOctets > limits.maxOctets() || messages + addMessages > limits.maxMessages()) {
            throw new QuotaExceededException("quota of " + address + " exceeded");
        }
    }

    void add(long addOctets, long addMessages) {
        octets += addOctets;
        messages += addMessages;
    }

    void save(Connection c) throws SQLException {
        if (reserved) {
            if (octets != reservedOctets || messages != reservedMessages) {
                // some of the batch did not go in after all (a mailbox out of UIDs): give back what it reserved
                release(c, address, reservedOctets - octets, reservedMessages - messages);
            }
            return;
        }
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE account SET used_octets = ?, used_messages = ? WHERE address = ?")) {
            p.setLong(1, Math.max(0, octets));
            p.setLong(2, Math.max(0, messages));
            p.setString(3, address);
            p.executeUpdate();
        }
    }
}
