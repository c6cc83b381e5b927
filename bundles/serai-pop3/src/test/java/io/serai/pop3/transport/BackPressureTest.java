package io.serai.pop3.transport;

import static io.serai.pop3.testing.TestStore.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.serai.pop3.testing.TestStore;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.MessageContent;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RETR reads the store only as fast as the client reads the socket: a message is never buffered whole. */
class BackPressureTest {

    static final int SIZE = 24 * 1024 * 1024;

    @TempDir
    Path dir;
    ServerFixture fixture;
    final AtomicLong readFromStore = new AtomicLong();

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture(dir);
        byte[] message = new byte[SIZE];
        byte[] line = "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz012345\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] header = "Subject: big\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, message, 0, header.length);
        for (int i = header.length; i < SIZE; i++) {
            message[i] = line[(i - header.length) % line.length];
        }
        Arrays.fill(message, SIZE - 2, SIZE, (byte) '\n');
        message[SIZE - 2] = '\r';
        fixture.store.append(ALICE, message);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    /** Wraps every object the store hands out so that message streams count what is read from them. */
    @SuppressWarnings("unchecked")
    private <T> T counting(Class<T> type, T target) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            Object result;
            try {
                result = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Mailboxes mailboxes) {
                return counting(Mailboxes.class, mailboxes);
            }
            if (result instanceof Mailbox mailbox) {
                return counting(Mailbox.class, mailbox);
            }
            if (result instanceof MessageContent content) {
                return counting(MessageContent.class, content);
            }
            if (result instanceof InputStream in) {
                return new FilterInputStream(in) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = super.read(b, off, len);
                        readFromStore.addAndGet(Math.max(n, 0));
                        return n;
                    }
                };
            }
            return result;
        });
    }

    @Test
    void aClientThatDoesNotReadHoldsBackTheStoreReads() throws Exception {
        MailStore store = counting(MailStore.class, fixture.store.store);
        UnaryOperator<io.serai.pop3.api.Pop3ServerConfig.Builder> options = b -> b.store(store).userWithoutTls(true);
        InetSocketAddress address = fixture.start(options);
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(32 * 1024);
            socket.connect(address);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("USER " + ALICE + "\r\nPASS pencil\r\nRETR 1\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            long[] last = {-1};
            await().pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(10)).until(() -> {
                long now = readFromStore.get();
                boolean settled = now > 0 && now == last[0];
                last[0] = now;
                return settled;
            });
            assertThat(readFromStore.get()).as("bytes read from the store while the client reads nothing")
                    .isLessThan(SIZE / 2);
            long received = drain(socket.getInputStream());
            assertThat(readFromStore.get()).isEqualTo(SIZE);
            assertThat(received).isGreaterThan(SIZE);
        }
    }

    /** Reads until the end of the RETR reply; returns the octets received. */
    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        byte[] tail = new byte[5];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            total += n;
            for (int i = 0; i < n; i++) {
                System.arraycopy(tail, 1, tail, 0, 4);
                tail[4] = buffer[i];
            }
            if (new String(tail, StandardCharsets.US_ASCII).equals("\r\n.\r\n")) {
                return total;
            }
        }
        return total;
    }
}
