package io.serai.smtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.sasl.SaslMechanisms;
import io.serai.smtp.api.SmtpServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Drives an {@link SmtpSession} line by line, as the transport would, and records what it answered. */
final class SessionDriver {

    final SmtpSession session;
    Response last;

    SessionDriver(SmtpServerConfig config, boolean tls, Path spoolDir) {
        this(config, tls, spoolDir, null);
    }

    SessionDriver(SmtpServerConfig config, boolean tls, Path spoolDir, Supplier<String> nonces) {
        SaslMechanisms sasl = config.credentials()
                .map(c -> nonces == null ? new SaslMechanisms(c) : new SaslMechanisms(c, nonces)).orElse(null);
        int[] counter = {0};
        session = new SmtpSession(config, new InetSocketAddress("192.0.2.7", 40000), tls,
                new ThresholdSpool(config.limits().spoolThreshold(), spoolDir), () -> "TX" + (++counter[0]), sasl);
        last = session.greeting();
    }

    /** Sends one line (CRLF is implied, as the framer strips it) and returns the reply text. */
    String send(String line) {
        return send(line.getBytes(StandardCharsets.UTF_8));
    }

    String send(byte[] line) {
        last = session.onLine(line);
        return text();
    }

    /** Sends several lines as one pipelined group and returns all replies. */
    String pipeline(String... lines) {
        StringBuilder all = new StringBuilder();
        for (String line : lines) {
            all.append(send(line));
        }
        return all.toString();
    }

    String chunk(String bytes) {
        byte[] data = bytes.getBytes(StandardCharsets.UTF_8);
        last = session.onChunk(data, 0, data.length);
        return text();
    }

    String text() {
        return new String(last.output(), StandardCharsets.UTF_8);
    }

    /** The session's last response must be a delivery; returns its content as text. */
    String deliveredContent() {
        assertThat(last.action()).isEqualTo(Response.Action.DELIVER);
        try (InputStream in = last.delivery().content().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String ehlo() {
        return send("EHLO client.example");
    }
}
