package io.serai.camel.smtpd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.smtp.api.MessageContent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.StreamCache;
import org.junit.jupiter.api.Test;

class ContentBodyTest {

    private static final byte[] BYTES = "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    private final AtomicInteger open = new AtomicInteger();

    /** Counts the streams still open, so the test sees closeAll() close the copies' streams too. */
    private final MessageContent content = new MessageContent() {
        @Override
        public long size() {
            return BYTES.length;
        }

        @Override
        public InputStream openStream() {
            open.incrementAndGet();
            return new ByteArrayInputStream(BYTES) {
                @Override
                public void close() {
                    open.decrementAndGet();
                }
            };
        }
    };

    @Test
    void readsResetsAndReadsAgain() throws IOException {
        ContentBody body = new ContentBody(content);
        assertThat(body.length()).isEqualTo(BYTES.length);
        assertThat(body.readNBytes(5)).isEqualTo("Subje".getBytes(StandardCharsets.US_ASCII));
        assertThat(body.position()).isEqualTo(5);
        body.reset();
        assertThat(body.position()).isZero();
        assertThat(body.readAllBytes()).isEqualTo(BYTES);
        assertThat(body.read()).isEqualTo(-1);
    }

    @Test
    void writeToAlwaysWritesEverything() throws IOException {
        ContentBody body = new ContentBody(content);
        body.readNBytes(3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        assertThat(out.toByteArray()).isEqualTo(BYTES);
    }

    @Test
    void copiesHaveTheirOwnPositionAndCloseAllClosesThem() throws IOException {
        ContentBody body = new ContentBody(content);
        body.read();
        StreamCache copy = body.copy(null);
        assertThat(((InputStream) copy).readAllBytes()).isEqualTo(BYTES);
        assertThat(body.position()).isEqualTo(1);
        assertThat(open).hasValue(2);
        body.closeAll();
        assertThat(open).hasValue(0);
    }
}
