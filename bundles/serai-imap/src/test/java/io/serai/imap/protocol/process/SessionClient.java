package io.serai.imap.protocol.process;

import static org.awaitility.Awaitility.await;

import io.serai.imap.protocol.encode.ResponseEncoder;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.store.api.MailStore;
import io.serai.store.api.StoreException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** One more session on a harness's store, driven like a client: command lines in, wire text out. */
final class SessionClient {

    final ImapSession session;
    private final MailStore store;
    private final ResponseEncoder encoder = new ResponseEncoder();

    SessionClient(ImapSession session, MailStore store) {
        this.session = session;
        this.store = store;
    }

    String send(String command) {
        return text(session.receive(command.getBytes(StandardCharsets.UTF_8)));
    }

    String text(List<ImapResponse> responses) {
        StringBuilder out = new StringBuilder();
        for (ImapResponse r : responses) {
            out.append(new String(encoder.encode(r, session.utf8()), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /**
     * Waits until the store has delivered to this session every event of the selected mailbox committed so far, so
     * that what the next command reports does not depend on the timing of the store's event threads.
     */
    void awaitEvents() throws StoreException {
        SelectedMailbox selected = session.selected();
        long committed = store.mailboxes(SessionHarness.USER).open(selected.name()).info().highestModSeq();
        await().atMost(Duration.ofSeconds(10)).until(() -> selected.pending().highestSeen() >= committed);
    }

    void awaitMailboxGone() {
        SelectedMailbox selected = session.selected();
        await().atMost(Duration.ofSeconds(10)).until(() -> selected.pending().mailboxGone());
    }
}
