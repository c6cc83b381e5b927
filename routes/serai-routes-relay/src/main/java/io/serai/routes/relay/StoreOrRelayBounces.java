package io.serai.routes.relay;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.serai.routes.relay.spool.Spool;
import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.Recipient;

/**
 * A DSN for a local sender goes straight into the INBOX of the sender's account; for a sender elsewhere it is
 * queued for the smart host with the null reverse-path, so that it cannot bounce in turn (RFC 3464 §2,
 * RFC 5321 §6.1).
 */
final class StoreOrRelayBounces implements BounceSink {

    private final MailStore store;
    private final Spool spool;
    private final Clock clock;

    StoreOrRelayBounces(MailStore store, Spool spool, Clock clock) {
        this.store = store;
        this.spool = spool;
        this.clock = clock;
    }

    @Override
    public void deliver(String sender, byte[] report) throws Exception {
        int at = sender.lastIndexOf('@');
        boolean localDomain = at > 0 && store.accounts().isLocalDomain(sender.substring(at + 1));
        Optional<Recipient> local = localDomain ? store.recipients().resolve(sender) : Optional.empty();
        if (local.isPresent()) {
            store.mailboxes(local.get().account()).open(Mailboxes.INBOX)
                    .append(AppendRequest.of(ContentSource.of(new ByteArrayInputStream(report))));
        } else if (!localDomain) {
            spool.enqueue("", List.of(sender), new ByteArrayInputStream(report), clock.instant());
        } else {
            throw new IllegalStateException("the sender " + sender + " has no mailbox here any more");
        }
    }
}
