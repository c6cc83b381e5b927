package io.serai.netty.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {

    private static final String REFUSAL = "too many connections";

    @Test
    void refusesConnectionsAboveTheListenerLimitWithTheProtocolsReply() throws Exception {
        // one after the other: connections made at once may become active on the I/O threads in any order
        try (GreetingServer server = GreetingServer.started(2, 10, REFUSAL);
             Client first = new Client(server.address())) {
            assertThat(first.readLine()).startsWith(GreetingServer.GREETING);
            try (Client second = new Client(server.address())) {
                assertThat(second.readLine()).startsWith(GreetingServer.GREETING);
                try (Client third = new Client(server.address())) {
                    assertThat(third.readLine()).isEqualTo(REFUSAL);
                    assertThat(third.readLine()).isNull();
                    await().until(() -> server.openConnections() == 2);
                }
            }
        }
    }

    @Test
    void refusesConnectionsAboveTheLimitPerAddress() throws Exception {
        try (GreetingServer server = GreetingServer.started(10, 1, REFUSAL);
             Client first = new Client(server.address())) {
            assertThat(first.readLine()).startsWith(GreetingServer.GREETING);
            try (Client second = new Client(server.address())) {
                assertThat(second.readLine()).isEqualTo(REFUSAL);
                assertThat(second.readLine()).isNull();
            }
        }
    }

    @Test
    void withoutARefusalClosesSilently() throws Exception {
        try (GreetingServer server = GreetingServer.started(1, 1, null);
             Client first = new Client(server.address())) {
            assertThat(first.readLine()).startsWith(GreetingServer.GREETING);
            try (Client second = new Client(server.address())) {
                assertThat(second.readLine()).isNull();
            }
        }
    }

    @Test
    void aClosedConnectionFreesItsPlaceInBothCounts() throws Exception {
        try (GreetingServer server = GreetingServer.started(1, 1, REFUSAL)) {
            try (Client first = new Client(server.address())) {
                assertThat(first.readLine()).startsWith(GreetingServer.GREETING);
                assertThat(server.openConnections()).isEqualTo(1);
            }
            await().until(() -> server.openConnections() == 0);
            try (Client again = new Client(server.address())) {
                assertThat(again.readLine()).startsWith(GreetingServer.GREETING);
            }
        }
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new ConnectionLimiter(0, 1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConnectionLimiter(1, 0, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
