package io.serai.imap.protocol.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.store.api.Accounts;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.RecipientResolver;
import io.serai.store.api.StoreException;
import io.serai.store.api.StoreUnavailableException;
import io.serai.store.api.event.StoreListener;

import java.net.ConnectException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that cannot be reached (its database restarting) is a temporary condition: NO [UNAVAILABLE] (RFC 5530
 * §3), so clients try again; any other store failure stays NO [SERVERBUG].
 */
class StoreOutageTest {

    @TempDir
    Path dir;
    private SessionHarness h;
    private SwitchableStore store;

    @BeforeEach
    void open() throws Exception {
        h = new SessionHarness(dir, true, false);
        store = new SwitchableStore(h.store);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    @Test
    void anUnreachableStoreIsAnsweredUnavailableAndTheSessionGoesOnWhenItIsBack() {
        SessionClient c = h.login(overStore());
        store.failure = new StoreUnavailableException("database down", new ConnectException("refused"));
        assertThat(c.send("a SELECT INBOX")).isEqualTo("a NO [UNAVAILABLE] Mailbox store unavailable, try again later\r\n");
        store.failure = null;
        assertThat(c.send("b SELECT INBOX")).contains("b OK [READ-WRITE]");
    }

    @Test
    void otherStoreFailuresStayServerBugs() {
        SessionClient c = h.login(overStore());
        store.failure = new StoreException("corrupt");
        assertThat(c.send("a STATUS INBOX (MESSAGES)")).isEqualTo("a NO [SERVERBUG] Store failure\r\n");
    }

    @Test
    void aLoginWhileTheCredentialStoreIsUnreachableIsUnavailableNotAFailedLogin() {
        io.serai.sasl.CredentialStore down = user -> {
            throw new java.io.UncheckedIOException("database down",
                    new StoreUnavailableException("database down", new ConnectException("refused")));
        };
        ImapConfig c = h.config;
        SessionClient client = new SessionClient(new ImapSession(new ImapConfig(c.store(), down,
                c.allowPlaintextAuth(), c.appendLimit(), c.serverName(), c.maxBadCommands()), true, false), h.store);
        assertThat(client.send("l LOGIN " + SessionHarness.USER + " " + SessionHarness.PASSWORD))
                .isEqualTo("l NO [UNAVAILABLE] Mailbox store unavailable, try again later\r\n");
    }

    /** The harness's configuration over the switchable store. */
    private ImapConfig overStore() {
        ImapConfig c = h.config;
        return new ImapConfig(store, c.credentials(), c.allowPlaintextAuth(), c.appendLimit(), c.serverName(),
                c.maxBadCommands());
    }

    /** Delegates to a real store, or fails every mailbox operation with the failure set. */
    private static final class SwitchableStore implements MailStore {
        private final MailStore delegate;
        volatile StoreException failure;

        SwitchableStore(MailStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Accounts accounts() {
            return delegate.accounts();
        }

        @Override
        public RecipientResolver recipients() {
            return delegate.recipients();
        }

        @Override
        public Mailboxes mailboxes(String account) throws StoreException {
            Mailboxes real = delegate.mailboxes(account);
            return new Mailboxes() {
                @Override
                public String account() {
                    return real.account();
                }

                @Override
                public List<MailboxInfo> list() throws StoreException {
                    check();
                    return real.list();
                }

                @Override
                public Mailbox open(String name) throws StoreException {
                    check();
                    return real.open(name);
                }

                @Override
                public Mailbox create(String name) throws StoreException {
                    check();
                    return real.create(name);
                }

                @Override
                public void delete(String name) throws StoreException {
                    check();
                    real.delete(name);
                }

                @Override
                public void rename(String from, String to) throws StoreException {
                    check();
                    real.rename(from, to);
                }

                @Override
                public void subscribe(String name) throws StoreException {
                    check();
                    real.subscribe(name);
                }

                @Override
                public void unsubscribe(String name) throws StoreException {
                    check();
                    real.unsubscribe(name);
                }

                @Override
                public List<String> subscriptions() throws StoreException {
                    check();
                    return real.subscriptions();
                }
            };
        }

        private void check() throws StoreException {
            StoreException f = failure;
            if (f != null) {
                throw f;
            }
        }

        @Override
        public AutoCloseable addListener(StoreListener listener) {
            return delegate.addListener(listener);
        }

        @Override
        public void close() {
        }
    }
}
