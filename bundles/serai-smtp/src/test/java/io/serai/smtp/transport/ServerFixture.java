package io.serai.smtp.transport;

import io.serai.sasl.InMemoryCredentialStore;
import io.serai.smtp.api.Limits;
import io.serai.smtp.api.ListenerKind;
import io.serai.smtp.api.RecipientValidator;
import io.serai.smtp.api.RelayPolicy;
import io.serai.smtp.api.SmtpServer;
import io.serai.smtp.api.SmtpServerConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Starts servers on 127.0.0.1 with free ports and stops them after the test. */
final class ServerFixture implements AutoCloseable {

    static final Set<String> KNOWN = Set.of("alice@example.org", "bob@example.org");

    final RecordingHandler handler = new RecordingHandler();
    final InMemoryCredentialStore users = new InMemoryCredentialStore().withUser("alice@example.org", "secret");
    private final List<SmtpServer> servers = new ArrayList<>();
    private final Path spool;

    ServerFixture(Path spool) {
        this.spool = spool;
    }

    SmtpServerConfig.Builder config(ListenerKind kind) {
        return SmtpServerConfig.builder()
                .kind(kind)
                .bind("127.0.0.1", 0)
                .hostname("mx.example.org")
                .relayPolicy(RelayPolicy.forDomains("example.org"))
                .recipientValidator(a -> KNOWN.contains(a.toLowerCase())
                        ? RecipientValidator.RecipientStatus.ACCEPT : RecipientValidator.RecipientStatus.UNKNOWN_USER)
                .credentials(users)
                .messageHandler(handler)
                .sessionThreads(2)
                .spoolDirectory(spool)
                .limits(Limits.defaults().withSpoolThreshold(1024));
    }

    InetSocketAddress start(ListenerKind kind, UnaryOperator<SmtpServerConfig.Builder> customise) {
        SmtpServer server = SmtpServer.create(customise.apply(config(kind)).build());
        servers.add(server);
        return server.start().toCompletableFuture().join();
    }

    InetSocketAddress start(ListenerKind kind) {
        return start(kind, b -> b);
    }

    NettySmtpServer last() {
        return (NettySmtpServer) servers.get(servers.size() - 1);
    }

    void stop(SmtpServer server) {
        server.close();
        servers.remove(server);
    }

    @Override
    public void close() {
        servers.forEach(SmtpServer::close);
    }
}
