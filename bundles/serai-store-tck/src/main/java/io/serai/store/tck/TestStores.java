package io.serai.store.tck;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.api.MailStore;
import io.serai.store.api.StoreException;

/** Shared helpers: a store with one account, and message fixtures with CRLF line ends. */
public final class TestStores {
    public static final String USER = "alice@example.org";
    public static final char[] PASSWORD = "pencil".toCharArray();

    private TestStores() {
    }

    /** Opens the fixture's store with the domain example.org and the account {@link #USER}. */
    public static MailStore openWithUser(StoreFixture fixture) throws StoreException {
        MailStore store = fixture.open();
        store.accounts().addDomain("example.org");
        store.accounts().createAccount(USER, PASSWORD);
        return store;
    }

    public static byte[] message(String subject, String body) {
        String m = "From: Bob <bob@example.net>\r\n"
                + "To: Alice <alice@example.org>\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: Tue, 3 Nov 2026 10:15:00 +0000\r\n"
                + "Message-ID: <" + subject.hashCode() + "@example.net>\r\n"
                + "\r\n"
                + body + "\r\n";
        return m.getBytes(StandardCharsets.UTF_8);
    }

    public static AppendRequest request(byte[] content) {
        return new AppendRequest(ContentSource.of(new ByteArrayInputStream(content)),
                Instant.parse("2026-11-03T10:15:30Z"), Flags.NONE);
    }

    public static AppendRequest request(byte[] content, Flags flags) {
        return new AppendRequest(ContentSource.of(new ByteArrayInputStream(content)),
                Instant.parse("2026-11-03T10:15:30Z"), flags);
    }

    public static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
