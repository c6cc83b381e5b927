package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.store.api.Flags;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDLE in the session (RFC 2177, RFC 9051 §6.3.13): continuation, pushed updates, DONE, BAD, timeout BYE. */
class IdleTest {

    private static final String MESSAGE = "Subject: i\r\n\r\nx\r\n";

    @TempDir
    Path dir;
    private SessionHarness h;
    private SessionClient c;

    @BeforeEach
    void login() throws Exception {
        h = SessionHarness.loggedIn(dir);
        c = h.client();
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    @Test
    void idleReportsPendingAtOnceThenWhatArrivesAndEndsWithDone() throws Exception {
        AtomicInteger wakeups = new AtomicInteger();
        c.session.onUpdates(wakeups::incrementAndGet);
        c.send("s SELECT INBOX");
        h.deliver("INBOX", MESSAGE, Flags.NONE);
        c.awaitEvents();
        assertThat(c.send("i IDLE")).isEqualTo("+ idling\r\n* 1 EXISTS\r\n* 1 RECENT\r\n");
        assertThat(c.session.idling()).isTrue();
        int before = wakeups.get();
        h.deliver("INBOX", MESSAGE, Flags.NONE);
        org.awaitility.Awaitility.await().until(() -> wakeups.get() > before); // the transport's push hook fires
        assertThat(c.text(c.session.idleUpdates())).isEqualTo("* 2 EXISTS\r\n* 2 RECENT\r\n");
        assertThat(c.text(c.session.idleUpdates())).isEmpty();
        assertThat(c.send("DONE")).isEqualTo("i OK IDLE terminated\r\n");
        assertThat(c.session.idling()).isFalse();
        assertThat(c.text(c.session.idleUpdates())).isEmpty(); // nothing is pushed outside IDLE
    }

    @Test
    void idleWorksInTheAuthenticatedStateAndAnythingButDoneIsBad() {
        assertThat(c.send("i IDLE")).isEqualTo("+ idling\r\n");
        assertThat(c.send("j NOOP")).isEqualTo("i BAD Expected DONE\r\n");
        assertThat(c.session.idling()).isFalse();
        assertThat(c.send("k IDLE")).isEqualTo("+ idling\r\n");
        assertThat(c.send("done")).isEqualTo("k OK IDLE terminated\r\n");
    }

    @Test
    void timeoutEndsTheSessionWithBye() {
        c.send("s SELECT INBOX");
        assertThat(c.text(c.session.idleTimedOut())).isEmpty(); // not idling: nothing to time out
        c.send("i IDLE");
        assertThat(c.text(c.session.idleTimedOut())).isEqualTo("* BYE IDLE timed out\r\n");
        assertThat(c.session.closed()).isTrue();
        assertThat(c.session.selected()).isNull();
    }

    @Test
    void theDefaultTimeoutIsThirtyMinutes() {
        assertThat(c.session.idleTimeout()).isEqualTo(Duration.ofMinutes(30)).isGreaterThan(Duration.ofMinutes(29));
    }
}
