package io.serai.bench.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.api.StoreException;
import io.serai.store.embedded.EmbeddedMailStore;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;

/** Shared helpers: where data goes, test messages, opening and deleting stores. */
final class Fixtures {
    static final String DOMAIN = "bench.test";
    static final char[] PASSWORD = "bench-password".toCharArray();

    private Fixtures() {
    }

    /** The run's data directory (run.sh makes a temp dir and deletes it afterwards). */
    static Path baseDir() {
        String dir = System.getProperty("serai.bench.dir");
        if (dir == null) {
            throw new IllegalStateException("-Dserai.bench.dir=<temp dir> is required");
        }
        Path p = Paths.get(dir);
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static Path newDir(String prefix) throws IOException {
        return Files.createTempDirectory(baseDir(), prefix);
    }

    static EmbeddedMailStore open(Path dir, FsyncPolicy fsync) throws StoreException {
        return EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(fsync));
    }

    static String account(String local) {
        return local + "@" + DOMAIN;
    }

    /**
     * A plain-text RFC 5322 message of exactly {@code size} octets with CRLF line ends, 76-character body lines
     * and varying content (so nothing compresses or dedupes by accident).
     */
    static byte[] message(int size, long seed) {
        StringBuilder sb = new StringBuilder(size + 128);
        sb.append("Return-Path: <sender@client.test>\r\n")
          .append("Received: from client.test (client.test [192.0.2.10]) by mx.bench.test with ESMTPS id ")
          .append(Long.toHexString(seed)).append("\r\n\tfor <rcpt@bench.test>; Thu, 26 Nov 2026 16:00:00 +0000\r\n")
          .append("From: Sender <sender@client.test>\r\n")
          .append("To: Recipient <rcpt@bench.test>\r\n")
          .append("Subject: benchmark message ").append(seed).append("\r\n")
          .append("Date: Thu, 26 Nov 2026 16:00:00 +0000\r\n")
          .append("Message-ID: <").append(seed).append(".bench@client.test>\r\n")
          .append("MIME-Version: 1.0\r\n")
          .append("Content-Type: text/plain; charset=us-ascii\r\n")
          .append("Content-Transfer-Encoding: 7bit\r\n")
          .append("\r\n");
        long x = seed * 0x9E3779B97F4A7C15L + 1;
        String alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,;:!?";
        while (sb.length() < size) {
            for (int i = 0; i < 76; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                sb.append(alphabet.charAt((int) ((x >>> 1) % alphabet.length())));
            }
            sb.append("\r\n");
        }
        sb.setLength(size - 2);
        if (sb.charAt(size - 3) == '\r') {
            sb.setCharAt(size - 3, '.'); // no bare CR before the final CRLF
        }
        sb.append("\r\n");
        byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != size) {
            throw new IllegalStateException("message is " + bytes.length + " bytes, wanted " + size);
        }
        return bytes;
    }

    static AppendRequest request(byte[] content, Flags flags) {
        return new AppendRequest(ContentSource.of(new ByteArrayInputStream(content)), Instant.now(), flags);
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
