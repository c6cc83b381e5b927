package io.serai.routes.relay.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.serai.routes.relay.DeadLettersFixture;
import io.serai.routes.relay.spool.RelaySpool;
import io.serai.routes.relay.spool.SpoolEntry;
import org.apache.karaf.shell.api.action.Action;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterCommandsTest {

    @TempDir
    Path dir;

    private RelaySpool spool;
    private SpoolEntry first;
    private SpoolEntry second;

    @BeforeEach
    void deadLetters() throws Exception {
        spool = new RelaySpool(dir);
        Instant now = Instant.now();
        for (String rcpt : List.of("nobody@remote.test", "ghost@remote.test")) {
            SpoolEntry queued = spool.enqueue("alice@caravan.test", List.of(rcpt), new ByteArrayInputStream(
                    ("Subject: for " + rcpt + "\r\n\r\nsecret body\r\n").getBytes(StandardCharsets.US_ASCII)), now);
            spool.deadLetter(queued, List.of(rcpt), "550 5.1.1 No such user", now);
            spool.remove(queued);
        }
        first = spool.deadLetters().get(0);
        second = spool.deadLetters().get(1);
    }

    private String run(Action action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.execute();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listShowsEveryLetter() throws Exception {
        DeadLetterList list = new DeadLetterList();
        list.deadLetters = DeadLettersFixture.over(spool);

        assertThat(run(list)).contains(first.id(), second.id(), "nobody@remote.test", "ghost@remote.test",
                "550 5.1.1 No such user", "2 dead letters");
    }

    @Test
    void showPrintsTheHeaderOrTheWholeMessage() throws Exception {
        DeadLetterShow show = new DeadLetterShow();
        show.deadLetters = DeadLettersFixture.over(spool);
        show.id = first.id();

        assertThat(run(show)).contains("Sender:     alice@caravan.test", "Subject: for")
                .doesNotContain("secret body");
        show.full = true;
        assertThat(run(show)).contains("secret body");
        show.id = "nope";
        assertThatThrownBy(() -> run(show)).hasMessage("No dead letter nope");
    }

    @Test
    void replayQueuesAndPurgeDeletes() throws Exception {
        DeadLetterReplay replay = new DeadLetterReplay();
        replay.deadLetters = DeadLettersFixture.over(spool);
        replay.ids = List.of(first.id());
        assertThat(run(replay)).contains("Queued " + first.id() + " for " + first.recipients().get(0));
        assertThat(spool.queued()).extracting(SpoolEntry::recipients).containsExactly(first.recipients());

        DeadLetterPurge purge = new DeadLetterPurge();
        purge.deadLetters = DeadLettersFixture.over(spool);
        assertThatThrownBy(() -> run(purge)).hasMessageContaining("--all");
        purge.all = true;
        assertThat(run(purge)).contains("Purged 1 dead letters");
        assertThat(spool.deadLetters()).isEmpty();
    }
}
