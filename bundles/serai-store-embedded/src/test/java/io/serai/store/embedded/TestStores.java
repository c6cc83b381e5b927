package io.serai.store.embedded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.api.MailStore;
import io.serai.store.api.StoreException;

/** Shared helpers: small stores in temporary directories and message fixtures with CRLF line ends. */
final class TestStores {
    static final String USER = "alice@example.org";
    static final char[] PASSWORD = "pencil".toCharArray();

    private TestStores() {
    }

    /** Small files so rotation is exercised; fsync off unless a test is about durability. */
    static EmbeddedStoreConfig config(Path dir) {
        return EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER).withFileSizes(256 * 1024, 1 << 20);
    }

    static MailStore openWithUser(Path dir) throws StoreException {
        return openWithUser(config(dir));
    }

    static MailStore openWithUser(EmbeddedStoreConfig config) throws StoreException {
        MailStore store = EmbeddedStores.open(config);
        store.accounts().addDomain("example.org");
        store.accounts().createAccount(USER, PASSWORD);
        return store;
    }

    static byte[] message(String subject, String body) {
        String m = "From: Bob <bob@example.net>\r\n"
                + "To: Alice <alice@example.org>\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: Tue, 3 Nov 2026 10:15:00 +0000\r\n"
                + "Message-ID: <" + subject.hashCode() + "@example.net>\r\n"
                + "\r\n"
                + body + "\r\n";
        return m.getBytes(StandardCharsets.UTF_8);
    }

    static AppendRequest request(byte[] content) {
        return new AppendRequest(ContentSource.of(new ByteArrayInputStream(content)),
                Instant.parse("2026-11-03T10:15:30Z"), Flags.NONE);
    }

    static AppendRequest request(byte[] content, Flags flags) {
        return new AppendRequest(ContentSource.of(new ByteArrayInputStream(content)),
                Instant.parse("2026-11-03T10:15:30Z"), flags);
    }

    static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
