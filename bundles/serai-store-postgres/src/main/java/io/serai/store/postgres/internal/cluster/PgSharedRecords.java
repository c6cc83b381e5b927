package io.serai.store.postgres.internal.cluster;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import io.serai.store.api.StoreException;
import io.serai.store.api.cluster.SharedRecords;
import io.serai.store.postgres.internal.Database;

/** Small durable values by key, one row each. */
final class PgSharedRecords implements SharedRecords {
    static final int MAX_BYTES = 64 << 10;

    private final Database db;

    PgSharedRecords(Database db) {
        this.db = db;
    }

    @Override
    public Optional<byte[]> get(String key) throws StoreException {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT value FROM shared_record WHERE key = ?")) {
                p.setString(1, key);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    @Override
    public void put(String key, byte[] value) throws StoreException {
        if (value.length > MAX_BYTES) {
            throw new StoreException("shared record " + key + " is " + value.length + " bytes, more than 64 KiB");
        }
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO shared_record (key, value) VALUES (?, ?) "
                    + "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()")) {
                p.setString(1, key);
                p.setBytes(2, value);
                return p.executeUpdate();
            }
        });
    }

    @Override
    public void remove(String key) throws StoreException {
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM shared_record WHERE key = ?")) {
                p.setString(1, key);
                return p.executeUpdate();
            }
        });
    }
}
