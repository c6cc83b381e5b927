package io.serai.pop3.protocol;

import static io.serai.pop3.testing.TestStore.ALICE;
import static io.serai.pop3.testing.TestStore.DOTTED;
import static io.serai.pop3.testing.TestStore.PLAIN;
import static io.serai.pop3.testing.TestStore.UNTERMINATED;
import static org.assertj.core.api.Assertions.assertThat;

import io.serai.pop3.api.MessageEvent;
import io.serai.pop3.api.Pop3EventListener;
import io.serai.pop3.testing.TestStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TRANSACTION and UPDATE states byte for byte (RFC 1939 §5, §6, §7). */
class TransactionTest {

    @TempDir
    Path dir;
    TestStore store;
    long uidValidity;
    long[] uids = new long[3];
    final List<String> events = new CopyOnWriteArrayList<>();
    final Pop3EventListener listener = new Pop3EventListener() {
        @Override
        public void retrieved(MessageEvent e) {
            events.add("retrieved " + e.uid() + " " + e.uidl() + " " + e.size());
        }

        @Override
        public void deleted(MessageEvent e) {
            events.add("deleted " + e.uid());
        }
    };

    @BeforeEach
    void fill() throws Exception {
        store = new TestStore(dir);
        uids[0] = store.append(ALICE, DOTTED);
        uids[1] = store.append(ALICE, PLAIN);
        uids[2] = store.append(ALICE, UNTERMINATED);
        uidValidity = store.inbox(ALICE).info().uidValidity();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private SessionDriver login() {
        SessionDriver d = new SessionDriver(SessionDriver.config(store.store, listener).userWithoutTls(true).build(), false);
        d.greeting();
        assertThat(d.send("USER " + ALICE)).isEqualTo("+OK send PASS\r\n");
        int octets = DOTTED.length() + PLAIN.length() + UNTERMINATED.length();
        assertThat(d.send("PASS pencil")).isEqualTo("+OK maildrop has 3 messages (" + octets + " octets)\r\n");
        return d;
    }

    @Test
    void statListAndUidlCountEveryOctet() {
        SessionDriver d = login();
        int octets = DOTTED.length() + PLAIN.length() + UNTERMINATED.length();
        assertThat(d.send("STAT")).isEqualTo("+OK 3 " + octets + "\r\n");
        assertThat(d.send("LIST")).isEqualTo("+OK scan listing follows\r\n1 " + DOTTED.length() + "\r\n2 "
                + PLAIN.length() + "\r\n3 " + UNTERMINATED.length() + "\r\n.\r\n");
        assertThat(d.send("list 2")).isEqualTo("+OK 2 " + PLAIN.length() + "\r\n");
        assertThat(d.send("LIST 4")).isEqualTo("-ERR no such message\r\n");
        assertThat(d.send("LIST 0")).isEqualTo("-ERR no such message\r\n");
        assertThat(d.send("LIST x")).isEqualTo("-ERR no such message\r\n");
        assertThat(d.send("LIST 1 2")).isEqualTo("-ERR syntax error in arguments\r\n");
        assertThat(d.send("UIDL")).isEqualTo("+OK unique-id listing follows\r\n1 " + uidValidity + "." + uids[0]
                + "\r\n2 " + uidValidity + "." + uids[1] + "\r\n3 " + uidValidity + "." + uids[2] + "\r\n.\r\n");
        assertThat(d.send("UIDL 3")).isEqualTo("+OK 3 " + uidValidity + "." + uids[2] + "\r\n");
        assertThat(d.send("NOOP")).isEqualTo("+OK\r\n");
    }

    @Test
    void retrStuffsDotsAndTerminates() {
        SessionDriver d = login();
        assertThat(d.send("RETR 1")).isEqualTo("+OK " + DOTTED.length() + " octets\r\n"
                + "From: Bob <bob@example.net>\r\nSubject: one\r\n\r\nHello\r\n..hidden dot\r\n...two dots\r\nbye\r\n"
                + ".\r\n");
        assertThat(d.send("RETR 2")).isEqualTo("+OK " + PLAIN.length() + " octets\r\n" + PLAIN + ".\r\n");
        // a message without a final CRLF still gets the terminator on a line of its own
        assertThat(d.send("RETR 3")).isEqualTo("+OK " + UNTERMINATED.length() + " octets\r\n" + UNTERMINATED
                + "\r\n.\r\n");
        assertThat(d.send("RETR 9")).isEqualTo("-ERR no such message\r\n");
        assertThat(d.send("RETR")).isEqualTo("-ERR syntax error in arguments\r\n");
        assertThat(events).containsExactly("retrieved " + uids[0] + " " + uidValidity + "." + uids[0] + " "
                + DOTTED.length(), "retrieved " + uids[1] + " " + uidValidity + "." + uids[1] + " " + PLAIN.length(),
                "retrieved " + uids[2] + " " + uidValidity + "." + uids[2] + " " + UNTERMINATED.length());
    }

    @Test
    void topSendsTheHeaderAndNLines() {
        SessionDriver d = login();
        assertThat(d.send("TOP 2 0")).isEqualTo("+OK top of message follows\r\nSubject: two\r\n\r\n.\r\n");
        assertThat(d.send("TOP 2 2")).isEqualTo("+OK top of message follows\r\nSubject: two\r\n\r\nline1\r\nline2\r\n.\r\n");
        assertThat(d.send("TOP 2 99")).isEqualTo("+OK top of message follows\r\n" + PLAIN + ".\r\n");
        assertThat(d.send("TOP 1 2")).isEqualTo("+OK top of message follows\r\n"
                + "From: Bob <bob@example.net>\r\nSubject: one\r\n\r\nHello\r\n..hidden dot\r\n.\r\n");
        assertThat(d.send("TOP 3 5")).isEqualTo("+OK top of message follows\r\n" + UNTERMINATED + "\r\n.\r\n");
        assertThat(d.send("TOP 2")).isEqualTo("-ERR syntax error in arguments\r\n");
        assertThat(d.send("TOP 2 -1")).isEqualTo("-ERR invalid line count\r\n");
        assertThat(events).as("TOP is not a retrieval").isEmpty();
    }

    @Test
    void deleMarksRsetUnmarksQuitExpunges() throws Exception {
        SessionDriver d = login();
        assertThat(d.send("DELE 1")).isEqualTo("+OK message 1 deleted\r\n");
        assertThat(d.send("DELE 1")).isEqualTo("-ERR no such message\r\n");
        assertThat(d.send("RETR 1")).isEqualTo("-ERR no such message\r\n");
        assertThat(d.send("STAT")).isEqualTo("+OK 2 " + (PLAIN.length() + UNTERMINATED.length()) + "\r\n");
        assertThat(d.send("LIST")).doesNotContain("\r\n1 ").contains("\r\n2 ");
        assertThat(d.send("RSET")).isEqualTo("+OK maildrop has 3 messages ("
                + (DOTTED.length() + PLAIN.length() + UNTERMINATED.length()) + " octets)\r\n");
        assertThat(d.send("DELE 2")).isEqualTo("+OK message 2 deleted\r\n");
        assertThat(d.send("DELE 3")).isEqualTo("+OK message 3 deleted\r\n");
        assertThat(store.count(ALICE)).as("nothing removed before UPDATE").isEqualTo(3);
        assertThat(d.send("QUIT")).isEqualTo("+OK pop.example.org POP3 server signing off (2 messages deleted)\r\n");
        assertThat(d.last.action()).isEqualTo(Response.Action.CLOSE);
        assertThat(store.inbox(ALICE).uids()).containsExactly(uids[0]);
        assertThat(events).containsExactly("deleted " + uids[1], "deleted " + uids[2]);
    }

    @Test
    void aDroppedSessionDeletesNothingAndReleasesTheLock() throws Exception {
        SessionDriver d = login();
        d.send("DELE 1");
        d.session.closed();
        assertThat(store.count(ALICE)).isEqualTo(3);
        assertThat(events).isEmpty();
        login(); // the lock is free again
    }

    @Test
    void messagesDeliveredDuringTheSessionAreNotShown() throws Exception {
        SessionDriver d = login();
        store.append(ALICE, "Subject: late\r\n\r\nlate\r\n");
        assertThat(d.send("STAT")).startsWith("+OK 3 ");
        assertThat(d.send("LIST 4")).isEqualTo("-ERR no such message\r\n");
        d.send("DELE 1");
        d.send("QUIT");
        assertThat(store.count(ALICE)).as("the late message stays").isEqualTo(3);
    }

    @Test
    void uidlIsStableAcrossSessionsAndRestarts() throws Exception {
        SessionDriver first = login();
        String before = first.send("UIDL");
        first.send("DELE 1");
        first.send("QUIT");
        store.reopen();
        SessionDriver second = new SessionDriver(SessionDriver.config(store.store, listener).userWithoutTls(true).build(), false);
        second.send("USER " + ALICE);
        second.send("PASS pencil");
        String after = second.send("UIDL");
        assertThat(after).isEqualTo("+OK unique-id listing follows\r\n1 " + uidValidity + "." + uids[1]
                + "\r\n2 " + uidValidity + "." + uids[2] + "\r\n.\r\n");
        assertThat(before).contains(" " + uidValidity + "." + uids[1] + "\r\n", " " + uidValidity + "." + uids[2]);
        assertThat((uidValidity + "." + uids[2])).matches("[\\x21-\\x7e]{1,70}"); // RFC 1939 §7
    }

    @Test
    void authorizationCommandsAreRefusedInTransaction() {
        SessionDriver d = login();
        assertThat(d.send("USER " + ALICE)).isEqualTo("-ERR command not valid in TRANSACTION state\r\n");
        assertThat(d.send("STLS")).isEqualTo("-ERR command not valid in TRANSACTION state\r\n");
        assertThat(d.send("CAPA")).doesNotContain("USER", "SASL", "STLS").contains("TOP\r\n", "UIDL\r\n");
        assertThat(d.send("XYZZY")).isEqualTo("-ERR command not valid in TRANSACTION state\r\n");
    }
}
