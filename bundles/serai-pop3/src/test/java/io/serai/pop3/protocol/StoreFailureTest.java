package io.serai.pop3.protocol;

import static io.serai.pop3.testing.TestStore.ALICE;
import static io.serai.pop3.testing.TestStore.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.serai.pop3.api.MaildropLocks;
import io.serai.pop3.api.Pop3EventListener;
import io.serai.pop3.testing.TestStore;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.StoreException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Store failures become {@code -ERR [SYS/TEMP]} and never lose or half-delete mail (RFC 2449 §8.1.2). */
class StoreFailureTest {

    @TempDir
    Path dir;
    TestStore store;
    final MaildropLocks locks = new MaildropLocks();

    @BeforeEach
    void fill() throws Exception {
        store = new TestStore(dir);
        store.append(ALICE, PLAIN);
        store.append(ALICE, PLAIN);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    /** Delegates to {@code target}, but the named method throws a StoreException. */
    @SuppressWarnings("unchecked")
    private static <T> T failing(Class<T> type, T target, String method, java.util.function.UnaryOperator<Object> wrap) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getName().equals(method)) {
                throw new StoreException("injected failure of " + method);
            }
            try {
                return wrap.apply(m.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** The store, whose mailboxes fail on {@code method}. */
    private MailStore inboxFailingOn(String method) {
        return failing(MailStore.class, store.store, "none", r -> r instanceof Mailboxes m
                ? failing(Mailboxes.class, m, "none", o -> o instanceof Mailbox b
                        ? failing(Mailbox.class, b, method, x -> x) : o)
                : r);
    }

    private SessionDriver login(MailStore broken) {
        SessionDriver d = new SessionDriver(SessionDriver.config(broken, new Pop3EventListener() { })
                .userWithoutTls(true).locks(locks).build(), false);
        d.send("USER " + ALICE);
        return d;
    }

    @Test
    void anUnreadableMaildropIsATemporaryFailureAndFreesTheLock() {
        MailStore broken = failing(MailStore.class, store.store, "mailboxes", r -> r);
        SessionDriver d = login(broken);
        assertThat(d.send("PASS pencil")).isEqualTo("-ERR [SYS/TEMP] maildrop cannot be opened now\r\n");
        assertThat(locks.isLocked(ALICE)).isFalse();
    }

    @Test
    void aFailedUpdateRemovesNothing() throws Exception {
        MailStore broken = inboxFailingOn("expunge");
        SessionDriver d = login(broken);
        assertThat(d.send("PASS pencil")).startsWith("+OK maildrop has 2 messages");
        d.send("DELE 1");
        assertThat(d.send("QUIT")).isEqualTo("-ERR [SYS/TEMP] some deleted messages not removed\r\n");
        assertThat(store.count(ALICE)).isEqualTo(2);
        assertThat(locks.isLocked(ALICE)).isFalse();
    }

    @Test
    void anUnreadableMessageIsATemporaryFailure() throws Exception {
        MailStore broken = inboxFailingOn("content");
        SessionDriver d = login(broken);
        d.send("PASS pencil");
        assertThat(d.send("RETR 1")).isEqualTo("-ERR [SYS/TEMP] message cannot be read now\r\n");
        assertThat(d.send("TOP 1 0")).isEqualTo("-ERR [SYS/TEMP] message cannot be read now\r\n");
        assertThat(d.send("NOOP")).isEqualTo("+OK\r\n");
    }
}
