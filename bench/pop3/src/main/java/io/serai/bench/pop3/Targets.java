package io.serai.bench.pop3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;

import io.serai.pop3.api.Limits;
import io.serai.pop3.api.Pop3Server;
import io.serai.pop3.api.Pop3ServerConfig;
import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.embedded.EmbeddedMailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** The servers under load, each filled with the same accounts and messages. */
final class Targets {
    static final String DOMAIN = "bench.test";
    static final String PASSWORD = "bench-password";

    private Targets() {
    }

    static String account(String local) {
        return local + "@" + DOMAIN;
    }

    /** A started server holding the accounts: loaded (1..n messages), login (empty) and cold (empty). */
    interface Target extends AutoCloseable {
        InetSocketAddress address();

        String describe();

        @Override
        void close() throws Exception;
    }

    /** Serai: serai-pop3 over the embedded store, fsync ALWAYS, default PBKDF2 (SCRAM-SHA-256, 4096 iterations). */
    static Target serai(Path dir, Spec spec) throws Exception {
        EmbeddedMailStore store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.ALWAYS));
        store.accounts().addDomain(DOMAIN);
        char[] pw = PASSWORD.toCharArray();
        for (int a = 0; a < spec.loadedAccounts; a++) {
            String acc = account("u" + a);
            store.accounts().createAccount(acc, pw);
            Mailbox inbox = store.mailboxes(acc).open("INBOX");
            List<AppendRequest> batch = new ArrayList<>();
            for (int i = 0; i < spec.messages; i++) {
                byte[] m = Messages.message(spec.size, a, i);
                batch.add(new AppendRequest(ContentSource.of(new ByteArrayInputStream(m)), Instant.now(), Flags.NONE));
                if (batch.size() == 100) {
                    inbox.appendAll(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                inbox.appendAll(batch);
            }
            long[] uids = inbox.uids();
            if (uids.length != spec.messages) {
                throw new IllegalStateException(acc + ": " + uids.length + " messages stored");
            }
        }
        // empty accounts for the login loops; each createAccount runs PBKDF2, so use both cores
        List<String> empty = new ArrayList<>();
        for (int i = 0; i < spec.loginAccounts; i++) {
            empty.add(account("w" + i));
        }
        for (int i = 0; i < spec.coldAccounts; i++) {
            empty.add(account("c" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (String acc : empty) {
                fs.add(pool.submit(() -> {
                    store.accounts().createAccount(acc, PASSWORD.toCharArray());
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Pop3Server server = Pop3Server.create(Pop3ServerConfig.builder()
                .bind("127.0.0.1", 0)
                .hostname("pop.bench.test")
                .userWithoutTls(true) // plain USER/PASS on loopback, for the load test only
                .store(store)
                .limits(Limits.defaults().withConnections(500, 100))
                .build());
        InetSocketAddress bound = server.start().toCompletableFuture().join();
        return new Target() {
            public InetSocketAddress address() {
                return bound;
            }

            public String describe() {
                return "serai-pop3 (Netty, 16 session threads) over serai-store-embedded, fsync ALWAYS, " + dir;
            }

            public void close() throws Exception {
                server.stop().toCompletableFuture().join();
                store.close();
            }
        };
    }

    /** GreenMail 2.1.13: in-memory store, plain-text passwords, thread per connection. */
    static Target greenMail(Spec spec) throws Exception {
        GreenMail gm = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3).dynamicPort());
        gm.start();
        Session session = Session.getInstance(new Properties());
        for (int a = 0; a < spec.loadedAccounts; a++) {
            String acc = account("u" + a);
            GreenMailUser user = gm.setUser(acc, acc, PASSWORD);
            for (int i = 0; i < spec.messages; i++) {
                byte[] m = Messages.message(spec.size, a, i);
                user.deliver(new MimeMessage(session, new ByteArrayInputStream(m)));
            }
        }
        for (int i = 0; i < spec.loginAccounts; i++) {
            gm.setUser(account("w" + i), account("w" + i), PASSWORD);
        }
        for (int i = 0; i < spec.coldAccounts; i++) {
            gm.setUser(account("c" + i), account("c" + i), PASSWORD);
        }
        InetSocketAddress bound = new InetSocketAddress("127.0.0.1", gm.getPop3().getPort());
        return new Target() {
            public InetSocketAddress address() {
                return bound;
            }

            public String describe() {
                return "GreenMail 2.1.13 POP3 (in-memory, plain-text passwords)";
            }

            public void close() {
                gm.stop();
            }
        };
    }

    /**
     * Writes the loaded accounts' messages as Maildirs under {@code root} ({@code root/<account>/Maildir/cur}), for a
     * server that reads Maildir (Dovecot). File names sort in message order, which is the order Dovecot gives new
     * files their UIDs; empty accounts need no directory (Dovecot creates it at the first login).
     */
    static void maildir(Path root, Spec spec) throws IOException {
        for (int a = 0; a < spec.loadedAccounts; a++) {
            Path box = root.resolve(account("u" + a)).resolve("Maildir");
            Path cur = Files.createDirectories(box.resolve("cur"));
            Files.createDirectories(box.resolve("new"));
            Files.createDirectories(box.resolve("tmp"));
            for (int i = 0; i < spec.messages; i++) {
                String name = String.format(Locale.ROOT, "%010d.M%06dP%d.bench,S=%d:2,", 1_700_000_000L + i,
                        i, a, spec.size);
                Files.write(cur.resolve(name), Messages.message(spec.size, a, i));
            }
        }
    }

    /** A server started outside this JVM, already holding the accounts and messages. */
    static Target external(InetSocketAddress address, String description) {
        return new Target() {
            public InetSocketAddress address() {
                return address;
            }

            public String describe() {
                return description;
            }

            public void close() {
            }
        };
    }

    /** What to load. */
    record Spec(int loadedAccounts, int messages, int size, int loginAccounts, int coldAccounts) {
    }
}
