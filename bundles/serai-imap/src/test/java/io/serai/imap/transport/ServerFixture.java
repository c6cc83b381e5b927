package io.serai.imap.transport;

import io.serai.imap.api.ImapServer;
import io.serai.imap.api.ImapServerConfig;
import io.serai.imap.api.Limits;
import io.serai.store.api.MailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** A store with two accounts and an {@link ImapServer} on an ephemeral port, plaintext auth allowed. */
final class ServerFixture implements AutoCloseable {

    static final String ALICE = "alice@example.org";
    static final String BOB = "bob@example.org";
    static final String PASSWORD = "pencil";

    final MailStore store;
    final ImapServer server;
    final InetSocketAddress address;

    ServerFixture(Path dir, Limits limits) throws Exception {
        this(dir, b -> b.limits(limits));
    }

    ServerFixture(Path dir, UnaryOperator<ImapServerConfig.Builder> customize) throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("example.org");
        store.accounts().createAccount(ALICE, PASSWORD.toCharArray());
        store.accounts().createAccount(BOB, PASSWORD.toCharArray());
        server = ImapServer.create(customize.apply(ImapServerConfig.builder()
                .bind("127.0.0.1", 0).serverName("serai.test").store(store).allowPlaintextAuth(true)).build());
        address = server.start().toCompletableFuture().join();
    }

    LineClient connect() throws Exception {
        LineClient client = new LineClient(address);
        String greeting = client.line();
        if (greeting == null || !greeting.startsWith("* OK")) {
            throw new IllegalStateException("greeting: " + greeting);
        }
        return client;
    }

    @Override
    public void close() throws Exception {
        server.close();
        store.close();
    }
}
