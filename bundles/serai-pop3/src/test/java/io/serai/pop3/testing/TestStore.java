package io.serai.pop3.testing;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.StoreException;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/** An embedded store in a temporary directory with two accounts, and message fixtures. */
public final class TestStore implements AutoCloseable {

    public static final String ALICE = "alice@example.org";
    public static final String BOB = "bob@example.org";
    public static final String PASSWORD = "pencil";

    /** A line starting with "." (must be stuffed) and CRLF line ends. */
    public static final String DOTTED = "From: Bob <bob@example.net>\r\nSubject: one\r\n\r\nHello\r\n.hidden dot\r\n"
            + "..two dots\r\nbye\r\n";
    public static final String PLAIN = "Subject: two\r\n\r\nline1\r\nline2\r\nline3\r\n";
    /** Does not end with CRLF: the server must add one before the terminator. */
    public static final String UNTERMINATED = "Subject: three\r\n\r\nno line end at the end";

    public final Path dir;
    public MailStore store;

    public TestStore(Path dir) throws StoreException {
        this.dir = dir;
        this.store = open();
        store.accounts().addDomain("example.org");
        store.accounts().createAccount(ALICE, PASSWORD.toCharArray());
        store.accounts().createAccount(BOB, PASSWORD.toCharArray());
    }

    private MailStore open() throws StoreException {
        return EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
    }

    /** Closes and opens the store again, as a restart would. */
    public void reopen() throws StoreException {
        store.close();
        store = open();
    }

    public Mailbox inbox(String account) throws StoreException {
        return store.mailboxes(account).open("INBOX");
    }

    public long append(String account, String message) throws StoreException {
        return append(account, message.getBytes(StandardCharsets.ISO_8859_1));
    }

    public long append(String account, byte[] message) throws StoreException {
        AppendRequest request = new AppendRequest(ContentSource.of(new ByteArrayInputStream(message)),
                Instant.parse("2026-11-03T10:15:30Z"), Flags.NONE);
        return inbox(account).append(request).uid();
    }

    public int count(String account) throws StoreException {
        return inbox(account).uids().length;
    }

    public byte[] content(String account, long uid) throws IOException {
        try (InputStream in = inbox(account).content(uid).openStream()) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() throws StoreException {
        store.close();
    }
}
