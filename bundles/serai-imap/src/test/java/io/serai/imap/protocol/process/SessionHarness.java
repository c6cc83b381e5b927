package io.serai.imap.protocol.process;

import io.serai.imap.protocol.encode.ResponseEncoder;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MailStore;
import io.serai.store.api.StoreException;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/** An embedded store with one account and an {@link ImapSession} whose responses come back as wire text. */
final class SessionHarness implements AutoCloseable {

    static final String USER = "alice@example.org";
    static final String PASSWORD = "pencil";

    final MailStore store;
    final ImapSession session;
    final ImapConfig config;
    private final ResponseEncoder encoder = new ResponseEncoder();

    SessionHarness(Path dir, boolean tls, boolean allowPlaintext) throws StoreException {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("example.org");
        store.accounts().createAccount(USER, PASSWORD.toCharArray());
        config = new ImapConfig(store, new AccountCredentials(store.accounts()), allowPlaintext,
                1_000_000, "serai.test", 5);
        session = new ImapSession(config, tls, !tls);
    }

    /** Another session on the same store, logged in as the same user (configured with {@code config}). */
    SessionClient login(ImapConfig config) {
        SessionClient c = new SessionClient(new ImapSession(config, true, false), store);
        String reply = c.send("l LOGIN " + USER + " " + PASSWORD);
        if (!reply.contains("l OK")) {
            throw new IllegalStateException(reply);
        }
        return c;
    }

    SessionClient login() {
        return login(config);
    }

    /** This harness's own session as a client. */
    SessionClient client() {
        return new SessionClient(session, store);
    }

    /** A TLS session already logged in. */
    static SessionHarness loggedIn(Path dir) throws StoreException {
        SessionHarness h = new SessionHarness(dir, true, false);
        String reply = h.send("l LOGIN " + USER + " " + PASSWORD);
        if (!reply.contains("l OK")) {
            throw new IllegalStateException(reply);
        }
        return h;
    }

    String greeting() {
        return text(session.greeting());
    }

    /** Sends one command line (no CRLF) and returns every response, CRLF included. */
    String send(String command) {
        StringBuilder out = new StringBuilder();
        for (ImapResponse r : session.receive(command.getBytes(StandardCharsets.UTF_8))) {
            out.append(text(r));
        }
        return out.toString();
    }

    /**
     * Mail that is already there when the test starts: an earlier session has seen it, so it is not {@code \Recent}
     * (RFC 3501 §2.3.2) and the fixtures stay about what they test. {@link #deliver} is mail no session has seen.
     */
    long append(String mailbox, String message, Flags flags) throws StoreException {
        Mailbox box = store.mailboxes(USER).open(mailbox);
        long uid = deliver(mailbox, message, flags);
        box.claimRecent(uid + 1);
        return uid;
    }

    /** New mail: the first session to SELECT the mailbox (or to be told about it while selected) sees it as recent. */
    long deliver(String mailbox, String message, Flags flags) throws StoreException {
        AppendRequest request = new AppendRequest(
                ContentSource.of(new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII))),
                Instant.parse("2026-11-03T10:15:30Z"), flags);
        return store.mailboxes(USER).open(mailbox).append(request).uid();
    }

    private String text(ImapResponse r) {
        return new String(encoder.encode(r, session.utf8()), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws StoreException {
        store.close();
    }
}
