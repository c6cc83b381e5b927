package io.serai.netty.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ListenerServerTest {

    @Test
    void startsOnlyOnceUntilStopped() {
        try (GreetingServer server = GreetingServer.started(10, 10, null)) {
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class)
                    .hasMessage("already started");
        }
    }

    @Test
    void aStoppedServerStartsAgainOnFreshThreads() throws Exception {
        GreetingServer server = GreetingServer.started(10, 10, null);
        NettyListener first = server.listener;
        server.stop().toCompletableFuture().join();
        assertThatThrownBy(server::localAddress).isInstanceOf(IllegalStateException.class).hasMessage("not bound");

        InetSocketAddress again = server.start().toCompletableFuture().join();
        try (Client client = new Client(again)) {
            assertThat(client.readLine()).startsWith(GreetingServer.GREETING);
            assertThat(server.listener).isNotSameAs(first);
            assertThat(first.sessionGroup().isTerminated()).isTrue();
        } finally {
            server.close();
        }
        assertThat(server.stops).hasValue(2);
    }

    @Test
    void stopBeforeStartAndTwiceDoesNothing() {
        GreetingServer server = new GreetingServer(10, 10, null);
        server.stop().toCompletableFuture().join();
        assertThat(server.stops).hasValue(0);
        assertThat(server.openConnections()).isZero();

        server.start().toCompletableFuture().join();
        server.close();
        server.close();

        assertThat(server.stops).hasValue(1);
    }

    @Test
    void countsOpenConnectionsWhileRunning() throws Exception {
        try (GreetingServer server = GreetingServer.started(10, 10, null)) {
            try (Client client = new Client(server.address())) {
                assertThat(client.readLine()).startsWith(GreetingServer.GREETING);
                assertThat(server.openConnections()).isEqualTo(1);
            }
            await().until(() -> server.openConnections() == 0);
        }
    }
}
