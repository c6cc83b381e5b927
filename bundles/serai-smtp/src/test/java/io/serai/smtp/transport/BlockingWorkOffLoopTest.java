package io.serai.smtp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.smtp.api.ListenerKind;
import io.serai.smtp.api.RecipientValidator;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocking work (here a recipient validator stuck on a look-up) runs off the network threads: while it hangs,
 * every other connection is still greeted and answered, and the stuck one gets its reply once the look-up ends.
 */
class BlockingWorkOffLoopTest {

    @TempDir
    Path spool;
    private ServerFixture fixture;

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void aHangingValidatorHoldsUpOnlyItsOwnConnection() throws Exception {
        fixture = new ServerFixture(spool);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        RecipientValidator hanging = address -> {
            if (address.startsWith("slow@")) {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return RecipientValidator.RecipientStatus.ACCEPT;
        };
        // one session thread: before the session ran on the I/O loop, this one thread served every connection
        InetSocketAddress address = fixture.start(ListenerKind.MTA, b -> b.recipientValidator(hanging).sessionThreads(1));
        try (RawClient stuck = new RawClient(address)) {
            stuck.reply();
            stuck.send("EHLO a.example\r\nMAIL FROM:<s@remote.example>\r\nRCPT TO:<slow@example.org>\r\n");
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            List<RawClient> others = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) { // more connections than I/O threads: every event loop is exercised
                    RawClient c = new RawClient(address);
                    others.add(c);
                    assertThat(c.reply()).startsWith("220 ");
                    c.send("EHLO b.example\r\nMAIL FROM:<s@remote.example>\r\nDATA\r\n");
                    assertThat(c.replies(2)).contains("250 ");
                    assertThat(c.reply()).startsWith("5"); // DATA without a recipient is refused
                }
            } finally {
                for (RawClient c : others) {
                    c.close();
                }
            }
            release.countDown();
            assertThat(stuck.replies(2)).contains("250 2.1.0");
            assertThat(stuck.reply()).startsWith("250 2.1.5");
        }
    }
}
