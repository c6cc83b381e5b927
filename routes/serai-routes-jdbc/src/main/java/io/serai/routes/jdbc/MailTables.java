package io.serai.routes.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * The two tables: {@code <prefix>message} (one row per message) and {@code <prefix>attachment} (one row per
 * attachment), keyed by account, folder, UIDVALIDITY and UID. The DDL runs at start ({@code IF NOT EXISTS}, valid
 * in H2 and PostgreSQL); only the binary type differs ({@code BLOB} in H2, {@code BYTEA} in PostgreSQL). A message
 * and its attachments are written in one transaction, and a message whose row already exists is skipped, so
 * a redelivered message is stored once.
 */
final class MailTables {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,30}");

    private final DataSource dataSource;
    private final String messages;
    private final String attachments;

    MailTables(DataSource dataSource, String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("tablePrefix must be a plain SQL identifier: " + prefix);
        }
        this.dataSource = dataSource;
        this.messages = prefix + "message";
        this.attachments = prefix + "attachment";
    }

    void createSchema() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String binary = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres") ? "BYTEA" : "BLOB";
            s.execute("CREATE TABLE IF NOT EXISTS " + messages + " ("
                    + "account VARCHAR(320) NOT NULL, folder VARCHAR(1000) NOT NULL,"
                    + " uid_validity BIGINT NOT NULL, uid BIGINT NOT NULL,"
                    + " message_id VARCHAR(1000), sent_at TIMESTAMP, from_addr TEXT, to_addr TEXT, cc_addr TEXT,"
                    + " subject TEXT, headers TEXT, body_text TEXT, body_html TEXT, size BIGINT NOT NULL,"
                    + " stored_at TIMESTAMP NOT NULL,"
                    + " PRIMARY KEY (account, folder, uid_validity, uid))");
            s.execute("CREATE TABLE IF NOT EXISTS " + attachments + " ("
                    + "account VARCHAR(320) NOT NULL, folder VARCHAR(1000) NOT NULL,"
                    + " uid_validity BIGINT NOT NULL, uid BIGINT NOT NULL, position INT NOT NULL,"
                    + " name VARCHAR(1000), content_type VARCHAR(255), size BIGINT NOT NULL, sha256 CHAR(64),"
                    + " content " + binary + ","
                    + " PRIMARY KEY (account, folder, uid_validity, uid, position))");
        }
    }

    /** Stores the message unless it is there already; returns whether it was written. */
    boolean store(MailRow row) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean written = !exists(c, row) && insert(c, row);
                c.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private boolean exists(Connection c, MailRow row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + messages
                + " WHERE account = ? AND folder = ? AND uid_validity = ? AND uid = ?")) {
            key(s, row);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private boolean insert(Connection c, MailRow row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + messages + " (account, folder, uid_validity,"
                + " uid, message_id, sent_at, from_addr, to_addr, cc_addr, subject, headers, body_text, body_html,"
                + " size, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            key(s, row);
            s.setString(5, row.messageId());
            if (row.sentAt() == null) {
                s.setNull(6, Types.TIMESTAMP);
            } else {
                s.setTimestamp(6, Timestamp.from(row.sentAt()));
            }
            s.setString(7, row.from());
            s.setString(8, row.to());
            s.setString(9, row.cc());
            s.setString(10, row.subject());
            s.setString(11, row.headers());
            s.setString(12, row.bodyText());
            s.setString(13, row.bodyHtml());
            s.setLong(14, row.size());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + attachments + " (account, folder,"
                + " uid_validity, uid, position, name, content_type, size, sha256, content)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (MailRow.AttachmentRow a : row.attachments()) {
                key(s, row);
                s.setInt(5, a.position());
                s.setString(6, a.name());
                s.setString(7, a.contentType());
                s.setLong(8, a.size());
                s.setString(9, a.sha256());
                if (a.content() == null) {
                    s.setNull(10, Types.BINARY);
                } else {
                    s.setBytes(10, a.content());
                }
                s.addBatch();
            }
            s.executeBatch();
        }
        return true;
    }

    private static void key(PreparedStatement s, MailRow row) throws SQLException {
        s.setString(1, row.account());
        s.setString(2, row.folder());
        s.setLong(3, row.uidValidity());
        s.setLong(4, row.uid());
    }
}
