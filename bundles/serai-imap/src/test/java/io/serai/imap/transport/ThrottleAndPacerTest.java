package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link LoginThrottle}, {@link CommandPacer} and {@link UserConnections} against a fake clock. */
class ThrottleAndPacerTest {

    private static final long MS = 1_000_000;
    private final AtomicLong now = new AtomicLong(1_000 * MS);

    @Test
    void loginDelayDoublesPerAddressAndAccountUpToTheCap() throws Exception {
        LoginThrottle throttle = new LoginThrottle(Duration.ofMillis(100), Duration.ofMillis(700), now::get);
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        assertThat(throttle.failed(a, "alice")).isEqualTo(100 * MS);
        assertThat(throttle.failed(a, "bob")).isEqualTo(200 * MS);
        assertThat(throttle.failed(a, "carol")).isEqualTo(400 * MS);
        assertThat(throttle.failed(a, "dave")).as("capped").isEqualTo(700 * MS);
        // another address guessing alice's password: alice's count goes on
        assertThat(throttle.failed(b, "ALICE")).isEqualTo(200 * MS);
        throttle.succeeded("alice");
        assertThat(throttle.failed(InetAddress.getByName("192.0.2.3"), "alice")).isEqualTo(100 * MS);
        now.addAndGet(LoginThrottle.FORGET_AFTER.toNanos() + MS);
        assertThat(throttle.failed(a, "erin")).as("forgotten").isEqualTo(100 * MS);
    }

    @Test
    void noDelayWhenConfiguredZero() throws Exception {
        LoginThrottle throttle = new LoginThrottle(Duration.ZERO, Duration.ZERO, now::get);
        assertThat(throttle.failed(InetAddress.getLoopbackAddress(), null)).isZero();
    }

    @Test
    void bucketAllowsABurstThenTheRate() {
        CommandPacer pacer = new CommandPacer(10, 3, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(pacer.nanosUntilReady()).isZero();
            pacer.take();
        }
        assertThat(pacer.nanosUntilReady()).isEqualTo(100 * MS);
        pacer.take(); // a pipelined command beyond the bucket: debt
        assertThat(pacer.nanosUntilReady()).isEqualTo(200 * MS);
        now.addAndGet(200 * MS);
        assertThat(pacer.nanosUntilReady()).isZero();
        now.addAndGet(10_000 * MS);
        for (int i = 0; i < 3; i++) {
            pacer.take();
        }
        assertThat(pacer.nanosUntilReady()).as("refilled to the burst, not beyond").isPositive();
    }

    @Test
    void sessionsPerAccountAreCountedCaseInsensitively() {
        UserConnections users = new UserConnections(2);
        assertThat(users.tryAdd("Alice")).isTrue();
        assertThat(users.tryAdd("alice")).isTrue();
        assertThat(users.tryAdd("ALICE")).isFalse();
        assertThat(users.sessions("alice")).isEqualTo(2);
        users.remove("alice");
        assertThat(users.tryAdd("alice")).isTrue();
    }
}
