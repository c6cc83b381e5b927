package io.serai.routes.relay.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelaySpoolTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @TempDir
    Path dir;

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(InputStream in) throws Exception {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theLeadingReturnPathIsDroppedAndTheRestKeptByteForByte() throws Exception {
        RelaySpool spool = new RelaySpool(dir);
        SpoolEntry entry = spool.enqueue("a@x.test", List.of("b@y.test"),
                bytes("Return-Path: <a@x.test>\r\n\tfolded\r\nReceived: from x\r\nSubject: hi\r\n\r\nReturn-Path: body\r\n"),
                T0);

        assertThat(read(spool.openQueued(entry)))
                .isEqualTo("Received: from x\r\nSubject: hi\r\n\r\nReturn-Path: body\r\n");
    }

    @Test
    void aMessageWithoutReturnPathIsKeptAsItIs() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReturnPathStripper.copy(bytes("Subject: Return-Path:\r\n\r\nx"), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Subject: Return-Path:\r\n\r\nx");
    }

    @Test
    void entriesSurviveAReopenAndAreDueInOrder() throws Exception {
        RelaySpool spool = new RelaySpool(dir);
        SpoolEntry first = spool.enqueue("", List.of("b@y.test", "\"odd,name\"@y.test"), bytes("A"), T0);
        SpoolEntry second = spool.enqueue("a@x.test", List.of("c@y.test"), bytes("B"), T0.plusSeconds(1));
        spool.update(second.retryLater(List.of("c@y.test"), T0.plusSeconds(600), "451 later"));

        RelaySpool reopened = new RelaySpool(dir);

        assertThat(reopened.queued()).hasSize(2);
        assertThat(reopened.due(T0.plusSeconds(5))).containsExactly(first);
        assertThat(reopened.due(T0.plusSeconds(600))).extracting(SpoolEntry::id)
                .containsExactly(first.id(), second.id());
        SpoolEntry again = reopened.due(T0.plusSeconds(600)).get(1);
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.lastError()).isEqualTo("451 later");
        assertThat(reopened.due(T0).get(0).recipients()).containsExactly("b@y.test", "\"odd,name\"@y.test");
        try (Stream<Path> files = Files.list(dir.resolve("queue"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void deadLettersCanBeShownReplayedAndPurged() throws Exception {
        RelaySpool spool = new RelaySpool(dir);
        SpoolEntry entry = spool.enqueue("a@x.test", List.of("b@y.test", "c@y.test"), bytes("Subject: x\r\n\r\nbody"),
                T0);
        SpoolEntry letter = spool.deadLetter(entry, List.of("c@y.test"), "550 5.1.1 no such user", T0.plusSeconds(9));
        spool.remove(entry);

        assertThat(spool.queued()).isEmpty();
        assertThat(spool.deadLetters()).containsExactly(letter);
        assertThat(letter.recipients()).containsExactly("c@y.test");
        assertThat(spool.deadLetter(letter.id())).contains(letter);
        assertThat(spool.deadLetter("../queue/" + letter.id())).isEmpty();
        assertThat(read(spool.openDeadLetter(letter))).isEqualTo("Subject: x\r\n\r\nbody");

        SpoolEntry replayed = spool.replay(letter, T0.plusSeconds(100));
        assertThat(spool.deadLetters()).isEmpty();
        assertThat(spool.due(T0.plusSeconds(100))).containsExactly(replayed);
        assertThat(replayed.attempts()).isZero();
        assertThat(replayed.queuedAt()).isEqualTo(T0.plusSeconds(100));

        SpoolEntry second = spool.deadLetter(replayed, replayed.recipients(), "again", T0.plusSeconds(200));
        spool.purge(second);
        assertThat(spool.deadLetters()).isEmpty();
        try (Stream<Path> files = Files.list(dir.resolve("dead"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aMessageNeedsRecipients() throws Exception {
        RelaySpool spool = new RelaySpool(dir);
        assertThatThrownBy(() -> spool.enqueue("a@x.test", List.of(), bytes("x"), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
