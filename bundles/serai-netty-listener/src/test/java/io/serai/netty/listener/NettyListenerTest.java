package io.serai.netty.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.BindException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class NettyListenerTest {

    @Test
    void bindsAFreePortAndRunsSessionsOnTheSessionGroup() throws Exception {
        try (GreetingServer server = GreetingServer.started(10, 10, null);
             Client client = new Client(server.address())) {
            assertThat(server.address().getPort()).isPositive();
            assertThat(server.listener.localAddress()).isEqualTo(server.address());
            assertThat(client.readLine()).startsWith("hello from greet-session-");
        }
    }

    @Test
    void stopFiresTheShutdownEventSoEachSessionSaysGoodbye() throws Exception {
        GreetingServer server = GreetingServer.started(10, 10, null);
        NettyListener listener = server.listener;
        try (Client first = new Client(server.address()); Client second = new Client(server.address())) {
            assertThat(first.readLine()).startsWith(GreetingServer.GREETING);
            assertThat(second.readLine()).startsWith(GreetingServer.GREETING);

            server.close();

            assertThat(first.readLine()).isEqualTo(GreetingServer.GOODBYE);
            assertThat(first.readLine()).isNull();
            assertThat(second.readLine()).isEqualTo(GreetingServer.GOODBYE);
            assertThat(second.readLine()).isNull();
        }
        assertThat(listener.pipelines().live()).isZero();
        assertThat(listener.sessionGroup().isTerminated()).isTrue();
        assertThatThrownBy(listener::localAddress).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPortInUseFailsTheBindWithoutThrowing() {
        try (GreetingServer first = GreetingServer.started(10, 10, null)) {
            NettyListener second = new NettyListener("second", 1);
            var bound = second.bind(second.bootstrap(16).childHandler(new ChannelInboundHandlerAdapter()),
                    "127.0.0.1", first.address().getPort(), "SECOND").toCompletableFuture();

            assertThatThrownBy(bound::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(BindException.class);
            assertThatThrownBy(second::localAddress).isInstanceOf(IllegalStateException.class);
            second.stop(GreetingServer.SHUTDOWN).toCompletableFuture().join();
            assertThat(second.sessionGroup().isTerminated()).isTrue();
        }
    }

    @Test
    void bindsOnlyOnce() {
        try (GreetingServer server = GreetingServer.started(10, 10, null)) {
            assertThatThrownBy(() -> server.listener.bind(server.listener.bootstrap(16), "127.0.0.1", 0, "AGAIN"))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void withoutLimitsCountsNoConnections() {
        NettyListener listener = new NettyListener("nolimits", 1);
        assertThat(listener.openConnections()).isZero();
        listener.stop(GreetingServer.SHUTDOWN).toCompletableFuture().join();
    }
}
