package io.serai.pop3.transport;

import io.serai.pop3.api.MaildropLocks;
import io.serai.pop3.api.Pop3Server;
import io.serai.pop3.api.Pop3ServerConfig;
import io.serai.pop3.testing.TestStore;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Starts servers on 127.0.0.1 with a free port over a {@link TestStore}, and stops them all in {@link #close()}. */
final class ServerFixture implements AutoCloseable {

    final TestStore store;
    final MaildropLocks locks = new MaildropLocks();
    private final List<Pop3Server> servers = new ArrayList<>();
    Pop3Server last;

    ServerFixture(Path dir) throws Exception {
        store = new TestStore(dir);
    }

    InetSocketAddress start(UnaryOperator<Pop3ServerConfig.Builder> options) {
        Pop3Server server = Pop3Server.create(options.apply(Pop3ServerConfig.builder()
                .bind("127.0.0.1", 0).hostname("pop.example.org").store(store.store).locks(locks)
                .sessionThreads(4)).build());
        servers.add(server);
        last = server;
        return server.start().toCompletableFuture().join();
    }

    @Override
    public void close() throws Exception {
        servers.forEach(Pop3Server::close);
        store.close();
    }
}
