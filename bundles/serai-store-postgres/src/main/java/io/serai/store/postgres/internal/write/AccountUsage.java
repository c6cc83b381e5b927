package io.serai.store.postgres.internal.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.serai.store.api.QuotaExceededException;
import io.serai.store.api.QuotaLimits;

/**
 * An account's quota counters, locked for the transaction (in address order, so two transactions never wait on
 * each other in a cycle), checked and updated in the same transaction as the messages they count.
 */
final class AccountUsage {
    final String address;
    final QuotaLimits limits;
    long octets;
    long messages;

    private AccountUsage(String address, QuotaLimits limits, long octets, long messages) {
        this.address = address;
        this.limits = limits;
        this.octets = octets;
        this.messages = messages;
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
        if (octets + addOctets > limits.maxOctets() || messages + addMessages > limits.maxMessages()) {
            throw new QuotaExceededException("quota of " + address + " exceeded");
        }
    }

    void add(long addOctets, long addMessages) {
        octets += addOctets;
        messages += addMessages;
    }

    void save(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE account SET used_octets = ?, used_messages = ? WHERE address = ?")) {
            p.setLong(1, Math.max(0, octets));
            p.setLong(2, Math.max(0, messages));
            p.setString(3, address);
            p.executeUpdate();
        }
    }
}
