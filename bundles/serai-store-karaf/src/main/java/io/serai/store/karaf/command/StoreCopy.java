package io.serai.store.karaf.command;

import java.io.PrintStream;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import io.serai.store.postgres.PostgresStoreConfig;
import io.serai.store.postgres.PostgresStores;
import io.serai.store.transfer.StoreCopier;
import io.serai.store.transfer.StoreCopyReport;

/**
 * Copies the running store to another store, or another store into the running one, with UIDVALIDITY, UIDs,
 * MODSEQs, flags and bytes kept, so IMAP clients do not resynchronise: the way from the embedded store to PostgreSQL
 * (and back). Run again after an interruption, it continues where it stopped.
 */
@Command(scope = "serai", name = "store-copy",
        description = "Copies the running mailbox store to another store (embedded directory or PostgreSQL), or with --from the other store into the running one; identities kept, resumable")
@Service
public class StoreCopy implements Action {

    @Reference
    MailStore store;

    @Option(name = "--embedded", description = "The other store: an embedded store in this directory (created if missing)")
    String embedded;

    @Option(name = "--jdbc-url", description = "The other store: PostgreSQL at jdbc:postgresql://host:port/database")
    String jdbcUrl;

    @Option(name = "--user", description = "PostgreSQL role")
    String user = "serai";

    @Option(name = "--password", description = "PostgreSQL password")
    String password = "";

    @Option(name = "--schema", description = "PostgreSQL schema")
    String schema = "serai";

    @Option(name = "--from", description = "Copy from the other store into the running one (default: the other way)")
    boolean from;

    @Option(name = "--verify", description = "Afterwards compare every message (flags, size, SHA-256) in both stores")
    boolean verify;

    @Option(name = "--batch", description = "Messages per transaction of the target")
    int batch = 200;

    @Override
    public Object execute() throws Exception {
        if ((embedded == null) == (jdbcUrl == null)) {
            System.err.println("Name the other store: --embedded DIR or --jdbc-url URL");
            return null;
        }
        PrintStream out = System.out;
        try (MailStore other = openOther()) {
            MailStore source = from ? other : store;
            MailStore target = from ? store : other;
            String[] last = {""};
            StoreCopier copier = new StoreCopier(source, target, batch, (account, mailbox, done, total, copied, bytes) -> {
                String key = account + " " + mailbox;
                if (!key.equals(last[0]) || done == total) {
                    out.printf("%s %s: %d/%d%n", account, mailbox, done, total);
                    last[0] = key;
                }
            });
            long start = System.nanoTime();
            StoreCopyReport r = copier.copy(verify);
            out.printf("Copied %d accounts, %d mailboxes, %d messages (%s) in %d s; %d were there already%n",
                    r.accounts(), r.mailboxes(), r.messages(), Sizes.human(r.bytes()),
                    (System.nanoTime() - start) / 1_000_000_000L, r.present());
            if (verify) {
                if (r.mismatches().isEmpty()) {
                    out.println("Verified: both stores hold the same messages, flags and bytes");
                } else {
                    r.mismatches().forEach(m -> out.println("DIFFERS " + m));
                }
            }
        }
        return null;
    }

    private MailStore openOther() throws Exception {
        if (embedded != null) {
            return EmbeddedStores.open(EmbeddedStoreConfig.defaults(Path.of(embedded).toAbsolutePath())
                    .withFsync(FsyncPolicy.ALWAYS));
        }
        return PostgresStores.open(PostgresStoreConfig.defaults(jdbcUrl, user, password).withSchema(schema)
                .withPoolSize(4).withNodeId("store-copy"));
    }
}
