package io.serai.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageMeta;

/**
 * Kills a durably appending child JVM with SIGKILL at random moments, then checks that every acknowledged
 * message is present and byte-identical, that no UID was given to two messages, and that the store opens.
 * Journal files of 4 KB make rotations and snapshots frequent, so kills also land in those.
 */
class CrashTest {
    private static final int ROUNDS = 6;

    @TempDir
    Path dir;
    @TempDir
    Path logs;

    @Test
    void acknowledgedMessagesSurviveSigkillAndUidsAreNeverReused() throws Exception {
        Random random = new Random();
        Map<Long, String> ackedBy = new HashMap<>(); // uid -> "run seq"
        Set<Long> expunging = new HashSet<>(); // expunge started: may or may not have happened
        Set<Long> expunged = new HashSet<>(); // expunge acknowledged: must be gone
        long highestSeen = 0;
        for (int run = 0; run < ROUNDS; run++) {
            // even rounds die after a number of acknowledgements, odd ones after a random delay (maybe in recovery)
            List<String> acks = run % 2 == 0 ? runAndKill(run, 10 + random.nextInt(70), 0)
                    : runAndKill(run, Integer.MAX_VALUE, 150 + random.nextInt(600));
            for (String line : acks) {
                String[] p = line.split(" ");
                if (p[0].equals("EXPUNGING")) {
                    expunging.add(Long.parseLong(p[1]));
                    continue;
                }
                if (p[0].equals("EXPUNGED")) {
                    expunged.add(Long.parseLong(p[1]));
                    continue;
                }
                long uid = Long.parseLong(p[1]);
                String who = p[2] + " " + p[3];
                assertThat(ackedBy.put(uid, who)).as("UID %d acknowledged twice", uid).isNull();
                assertThat(uid).as("UIDs of a new run start above all earlier ones").isGreaterThan(highestSeen);
            }
            try (MailStore store = EmbeddedStores.open(
                    EmbeddedStoreConfig.defaults(dir).withFileSizes(4 * 1024, 64 * 1024))) {
                Mailbox inbox = store.mailboxes(TestStores.USER).open("INBOX");
                Set<Long> present = new HashSet<>();
                for (MessageMeta m : inbox.messages()) {
                    present.add(m.uid());
                }
                for (Map.Entry<Long, String> e : ackedBy.entrySet()) {
                    long uid = e.getKey();
                    if (expunged.contains(uid)) {
                        assertThat(present).as("acknowledged expunge of UID %d", uid).doesNotContain(uid);
                        continue;
                    }
                    if (expunging.contains(uid) && !present.contains(uid)) {
                        continue; // killed during the expunge: either outcome is fine
                    }
                    String[] who = e.getValue().split(" ");
                    byte[] expected = CrashChild.content(Integer.parseInt(who[0]), Integer.parseInt(who[1]));
                    assertThat(TestStores.readAll(inbox.content(uid).openStream()))
                            .as("acknowledged UID %d", uid).isEqualTo(expected);
                }
                long highestAcked = ackedBy.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
                assertThat(inbox.info().uidNext()).as("UIDNEXT after recovery").isGreaterThan(highestAcked);
                highestSeen = inbox.info().uidNext() - 1;
            }
        }
        assertThat(ackedBy).isNotEmpty();
    }

    /**
     * Starts the child, waits for {@code acks} acknowledgements or {@code delayMillis}, then kills it without warning.
     * The child's output goes to a file, not a pipe: what it wrote before the kill is then in the page cache, whereas
     * lines still in a pipe can be lost when the JDK closes the pipe of a process that has died.
     */
    private List<String> runAndKill(int run, int acks, long delayMillis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = logs.resolve("child-" + run + ".out");
        Process child = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), CrashChild.class.getName(), dir.toString(),
                Integer.toString(run)).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(out.toFile()).start();
        try {
            if (delayMillis > 0) {
                // a deadline, not a sleep: the child is killed wherever it is at that moment
                await().atMost(30, TimeUnit.SECONDS).until(() -> !child.isAlive() || lines(out).contains("READY"));
                child.waitFor(delayMillis, TimeUnit.MILLISECONDS);
            } else {
                await().atMost(30, TimeUnit.SECONDS).pollInterval(1, TimeUnit.MILLISECONDS)
                        .until(() -> !child.isAlive()
                                || lines(out).stream().filter(l -> l.startsWith("ACK ")).count() >= acks);
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("child was killed, did not exit on its own").isNotZero();
        return lines(out).stream().filter(l -> l.startsWith("ACK ") || l.startsWith("EXPUNG")).toList();
    }

    /** The complete lines of the child's output; a line the kill cut short (no newline yet) does not count. */
    private static List<String> lines(Path out) throws java.io.IOException {
        String text = Files.readString(out, StandardCharsets.US_ASCII);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }
}
