package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serai.store.api.FlagUpdate;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.SystemFlag;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several sessions append and expunge in one mailbox at the same time. Each checks what it is told the way a
 * client's sequence map would: EXPUNGE only for a number it has, EXISTS never lower than what it has (RFC 9051
 * §7.4.1: the count only drops through EXPUNGE), and in the end every session's map equals the store.
 */
class ConcurrentSessionsTest {

    private static final String MESSAGE = "Subject: c\r\n\r\nx\r\n";
    private static final int SESSIONS = 4;
    private static final int ROUNDS = 24;

    @TempDir
    Path dir;
    private SessionHarness h;
    private ExecutorService threads;

    @AfterEach
    void close() throws Exception {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        h.close();
    }

    /** A client's view of one selected mailbox: only the count, checked against every untagged response. */
    private static final class ClientModel {
        int exists;

        void apply(String responses) {
            for (String line : responses.split("\r\n")) {
                String[] words = line.split(" ");
                if (words.length < 3 || !words[0].equals("*")) {
                    continue;
                }
                switch (words[2]) {
                    case "EXPUNGE" -> {
                        int msn = Integer.parseInt(words[1]);
                        assertThat(msn).as("EXPUNGE of a known number in " + responses).isBetween(1, exists);
                        exists--;
                    }
                    case "EXISTS" -> {
                        int n = Integer.parseInt(words[1]);
                        assertThat(n).as("EXISTS never shrinks in " + responses).isGreaterThanOrEqualTo(exists);
                        exists = n;
                    }
                    case "FETCH" -> assertThat(Integer.parseInt(words[1])).isBetween(1, exists);
                    default -> {
                    }
                }
            }
        }
    }

    @Test
    void sequenceNumbersStayConsistentUnderConcurrentAppendsAndExpunges() throws Exception {
        h = SessionHarness.loggedIn(dir);
        Mailbox inbox = h.store.mailboxes(SessionHarness.USER).open("INBOX");
        List<SessionClient> clients = new ArrayList<>();
        List<ClientModel> models = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            SessionClient c = i == 0 ? h.client() : h.login();
            ClientModel m = new ClientModel();
            m.apply(c.send("s SELECT INBOX"));
            clients.add(c);
            models.add(m);
        }
        threads = Executors.newFixedThreadPool(SESSIONS);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            SessionClient c = clients.get(i);
            ClientModel m = models.get(i);
            done.add(threads.submit(() -> {
                for (int r = 0; r < ROUNDS; r++) {
                    m.apply(c.send("a" + r + " APPEND INBOX {" + MESSAGE.length() + "}\r\n" + MESSAGE));
                    if (r % 3 == 2) {
                        long[] known = c.session.selected().uids();
                        // another session's message (or its own): whichever, every session must stay consistent
                        inbox.updateFlags(new long[] {known[known.length / 2]},
                                FlagUpdate.add(Flags.of(SystemFlag.DELETED)));
                        m.apply(c.send("e" + r + " EXPUNGE"));
                    } else {
                        m.apply(c.send("n" + r + " NOOP"));
                    }
                    assertThat(m.exists).isEqualTo(c.session.selected().exists());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        long[] expected = inbox.uids();
        assertThat(expected.length).isGreaterThan(0).isLessThan(SESSIONS * ROUNDS);
        for (int i = 0; i < SESSIONS; i++) {
            SessionClient c = clients.get(i);
            ClientModel m = models.get(i);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                m.apply(c.send("z NOOP"));
                return m.exists == expected.length;
            });
            assertThat(c.session.selected().uids()).containsExactly(expected);
        }
    }
}
