package io.serai.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.transfer.internal.BatchAppender;
import io.serai.store.transfer.internal.ResultCollector;

class BatchAppenderTest {
    private static final Instant DATE = Instant.parse("2024-03-01T10:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void aSourceThatFailsHalfWayIsSkippedAndTheRestOfItsBatchStillGoesIn() throws Exception {
        try (StoreFixture store = new StoreFixture(tmp)) {
            ResultCollector result = new ResultCollector(TransferProgress.NONE);
            BatchAppender appender = new BatchAppender(10, result);
            appender.target(store.mailboxes().open("INBOX"), "INBOX");
            appender.add("one", bytes("Subject: one\r\n\r\n"), DATE, Flags.NONE);
            appender.add("broken", () -> new FailingStream(), DATE, Flags.NONE);
            appender.add("three", bytes("Subject: three\r\n\r\n"), DATE, Flags.NONE);
            appender.flush();

            assertThat(store.messages("INBOX").keySet())
                    .containsExactly("Subject: one\r\n\r\n", "Subject: three\r\n\r\n");
            assertThat(result.result().messages()).isEqualTo(2);
            assertThat(result.result().skipped()).containsExactly(
                    new SkippedEntry("broken", "cannot be read: disk read error"));
        }
    }

    private static ContentSource bytes(String s) {
        return () -> new ByteArrayInputStream(Bytes.of(s));
    }

    /** Gives a few bytes, then fails like a bad disk sector, on every read from then on. */
    private static final class FailingStream extends InputStream {
        private int left = 10;

        @Override
        public int read() throws IOException {
            if (left == 0) {
                throw new IOException("disk read error");
            }
            left--;
            return 'x';
        }
    }
}
