package io.serai.store.postgres.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.serai.store.api.Accounts;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.RecipientResolver;
import io.serai.store.api.StoreException;
import io.serai.store.api.cluster.Coordination;
import io.serai.store.api.event.StoreListener;
import io.serai.store.api.restore.StoreRestore;
import io.serai.store.postgres.PostgresMailStore;
import io.serai.store.postgres.PostgresStoreConfig;
import io.serai.store.postgres.internal.cluster.PgCoordination;
import io.serai.store.postgres.internal.content.ContentCache;
import io.serai.store.postgres.internal.content.ContentReader;
import io.serai.store.postgres.internal.event.ChangeKind;
import io.serai.store.postgres.internal.event.ChangeFeed;
import io.serai.store.postgres.internal.event.ChangeLog;
import io.serai.store.postgres.internal.schema.Migrations;
import io.serai.store.postgres.internal.search.PgSearch;
import io.serai.store.postgres.internal.write.AppendBatcher;
import io.serai.store.postgres.internal.write.Appender;
import io.serai.store.postgres.internal.write.MailboxCatalog;
import io.serai.store.postgres.internal.write.MessageWriter;
import io.serai.store.support.auth.PasswordVerifier;
import io.serai.store.support.auth.ScramHasher;
import io.serai.store.support.event.EventDispatcher;
import io.serai.store.support.names.Names;

/** The PostgreSQL store: its parts, wired once; all state lives in the database, none in this object. */
public final class PgMailStore implements PostgresMailStore {
    private static final Logger LOG = LoggerFactory.getLogger(PgMailStore.class);

    final PostgresStoreConfig config;
    final Database db;
    final ScramHasher hasher;
    final PasswordVerifier verifier;
    final ContentReader contents;
    final AppendBatcher batcher;
    final MessageWriter messages;
    final MailboxCatalog catalog;
    final PgSearch search;
    private final String nodeId;
    private final int schemaVersion;
    private final ExecutorService ownEvents;
    private final EventDispatcher dispatcher;
    private final ChangeFeed feed;
    private final ScheduledExecutorService maintenance;
    private final PgAccounts accounts;
    private final PgRecipients recipients;
    private final PgCoordination coordination;

    private PgMailStore(PostgresStoreConfig config, Database db, String nodeId, int schemaVersion)
            throws SQLException {
        this.config = config;
        this.db = db;
        this.nodeId = nodeId;
        this.schemaVersion = schemaVersion;
        SecureRandom random = new SecureRandom();
        this.hasher = new ScramHasher(config.scramIterations(), random);
        this.verifier = new PasswordVerifier(random, 10_000);
        this.contents = new ContentReader(db, new ContentCache(config.contentCacheBytes()));
        ChangeLog log = new ChangeLog(config.schema());
        this.batcher = new AppendBatcher(db, new Appender(log, config.defaultQuota()), nodeId);
        this.messages = new MessageWriter(log, config.defaultQuota());
        this.catalog = new MailboxCatalog(log);
        this.search = new PgSearch(db, contents);
        this.ownEvents = config.eventExecutor().isPresent() ? null : Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "serai-store-events " + nodeId);
            t.setDaemon(true);
            return t;
        });
        this.dispatcher = new EventDispatcher(config.eventExecutor().orElse(ownEvents));
        this.feed = new ChangeFeed(db, dispatcher, nodeId);
        this.maintenance = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "serai-store-maintenance " + nodeId);
            t.setDaemon(true);
            return t;
        });
        // change_log rows only need to outlive a listener's reconnect; every node prunes, the work is idempotent
        maintenance.scheduleWithFixedDelay(this::prune, 1, 5, TimeUnit.MINUTES);
        this.coordination = new PgCoordination(db, nodeId, config.leaseTime(), maintenance);
        this.accounts = new PgAccounts(this);
        this.recipients = new PgRecipients(this);
    }

    /** Connects, migrates and starts; see {@link io.serai.store.postgres.PostgresStores#open}. */
    public static PgMailStore open(PostgresStoreConfig config) throws StoreException {
        String nodeId = config.nodeId().orElseGet(PgMailStore::defaultNodeId);
        Database db = new Database(config, nodeId);
        try {
            int version;
            try (Connection c = db.connection()) {
                version = Migrations.bundled().migrate(c, config.schema());
            }
            PgMailStore store = new PgMailStore(config, db, nodeId, version);
            LOG.info("PostgreSQL store open: {} as node {} (schema version {})", config, nodeId, version);
            return store;
        } catch (SQLException e) {
            db.close();
            throw Database.failure("opening the store", e);
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e instanceof StoreException se ? se : new StoreException("opening the store failed", e);
        }
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "node";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Drops change_log rows no listener needs any more and content no message refers to; package-private for the
     * pruning tests.
     */
    void prune() {
        try {
            db.read(c -> {
                try (Statement s = c.createStatement()) {
                    int changes = s.executeUpdate("DELETE FROM change_log WHERE created_at < now() - interval '1 hour'"
                            + " AND kind <> " + ChangeKind.EXPUNGED.code());
                    // the expunge log: what leaves it raises its mailbox's floor in the same statement
                    int expunges = s.executeUpdate("WITH gone AS (DELETE FROM change_log WHERE kind = "
                            + ChangeKind.EXPUNGED.code() + " AND created_at < now() - interval '30 days'"
                            + " RETURNING mailbox_id, modseq) UPDATE mailbox SET expunge_floor ="
                            + " greatest(expunge_floor, g.modseq) FROM (SELECT mailbox_id, max(modseq) AS modseq"
                            + " FROM gone GROUP BY mailbox_id) g WHERE mailbox.id = g.mailbox_id");
                    // content no message refers to any more: left when two transactions expunged the last copies
                    // at once (each saw the other's message still there). Appends, copies and restores write the
                    // content and its message in one transaction, so no committed content is waiting for one.
                    int orphans = s.executeUpdate("DELETE FROM content WHERE id IN (SELECT c.id FROM content c"
                            + " WHERE NOT EXISTS (SELECT 1 FROM message m WHERE m.content_id = c.id) LIMIT 1000)");
                    if (orphans > 0) {
                        LOG.info("Removed {} message contents no message referred to", orphans);
                    }
                    return changes + expunges + orphans;
                }
            });
        } catch (StoreException | RuntimeException e) {
            LOG.debug("pruning skipped: {}", e.getMessage());
        }
    }

    @Override
    public Accounts accounts() {
        return accounts;
    }

    @Override
    public RecipientResolver recipients() {
        return recipients;
    }

    @Override
    public Mailboxes mailboxes(String account) throws StoreException {
        String a = Names.address(account);
        if (!recipients.known.has("account:" + a)) {
            db.read(c -> {
                requireAccount(c, a);
                return null;
            });
            recipients.known.remember("account:" + a);
        }
        return new PgMailboxes(this, a);
    }

    /** The id of {@code account}'s INBOX if it was looked up in the last few seconds, else null. */
    Long cachedInbox(String account) {
        return recipients.known.value("inbox:" + account);
    }

    void rememberInbox(String account, long id) {
        recipients.known.remember("inbox:" + account, id);
    }

    /** After removing a domain or account on this node: look-ups here see it gone at once. */
    void forget(String key) {
        recipients.known.forget(key);
    }

    void requireAccount(Connection c, String account) throws SQLException, StoreException {
        if (!PgAccounts.exists(c, "SELECT 1 FROM account WHERE address = ?", account)) {
            throw new NotFoundException("no account " + account);
        }
    }

    @Override
    public AutoCloseable addListener(StoreListener listener) {
        return dispatcher.add(listener);
    }

    @Override
    public Optional<Coordination> coordination() {
        return Optional.of(coordination);
    }

    @Override
    public Optional<StoreRestore> restore() {
        return Optional.of(new PgRestore(this));
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    /** Whether this node currently hears other nodes' changes (its LISTEN session is up). */
    public boolean changeFeedConnected() {
        return feed.isConnected();
    }

    @Override
    public void close() {
        coordination.close();
        maintenance.shutdownNow();
        batcher.close();
        feed.close();
        if (ownEvents != null) {
            ownEvents.shutdown();
        }
        db.close();
    }
}
