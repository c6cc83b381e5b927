package io.serai.camel.mailbox.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.serai.camel.mailbox.MailboxEndpoint;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.StoreException;
import io.serai.store.api.cluster.Coordination;
import io.serai.store.api.cluster.Lease;
import io.serai.store.api.event.StoreEvent;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push consumer of a folder. A store listener only wakes the consumer's single thread, which then reads the
 * folder from the last handled UID on, so no event is needed per message, none can be missed, and the store's
 * event thread never runs a route. The cursor lives in a {@link ConsumerState} keyed by UIDVALIDITY: a file, or,
 * when the store is shared by several nodes, a shared record together with a lease on the folder, so one node's
 * consumer works on a folder at a time and the others stand by and take over (from the saved cursor) when its
 * lease lapses.
 */
public final class MailboxConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxConsumer.class);

    private final MailboxEndpoint endpoint;
    private final AtomicBoolean scanQueued = new AtomicBoolean();
    /** How often a standing-by consumer tries to take the folder's lease. */
    private static final long STANDBY_MILLIS = 1_000;

    private ScheduledExecutorService worker;
    private Coordination coordination;
    private Lease lease;
    private AutoCloseable listener;
    private Mailbox mailbox;
    private ConsumerState state;
    private MessageDispatcher dispatcher;

    public MailboxConsumer(MailboxEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MailStore store = endpoint.getStore();
        String account = endpoint.getAccount();
        String folder = endpoint.getFolder();
        mailbox = MailboxLocator.open(store, account, folder, endpoint.isCreateFolder());
        MailboxInfo info = mailbox.info();
        coordination = store.coordination().orElse(null);
        state = coordination == null ? loadState(info) : null; // with a shared store: once the lease is ours
        dispatcher = new MessageDispatcher(this, mailbox, account, folder, info.uidValidity(),
                endpoint.getCompletionAction(), target(endpoint.getCompletionAction()),
                endpoint.getFailureAction(), target(endpoint.getFailureAction()));
        worker = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "mailbox-" + account + "/" + folder);
        long mailboxId = mailbox.id();
        // listen first, then catch up: a message added in between is found by the first pass
        listener = store.addListener(event -> {
            if (event instanceof StoreEvent.MessageAdded added && added.mailboxId() == mailboxId) {
                wake();
            }
        });
        if (coordination == null) {
            worker.execute(this::retryLeftMessages);
        } else {
            // standing by: each round tries the lease (a no-op while held) and, holding it, scans
            worker.scheduleWithFixedDelay(this::wake, STANDBY_MILLIS, STANDBY_MILLIS, TimeUnit.MILLISECONDS);
        }
        wake();
    }

    /** The lease key and shared-record key of this consumer's folder. */
    private String sharedKey() {
        return "mailbox-consumer:" + endpoint.getAccount() + "/" + endpoint.getFolder();
    }

    /**
     * With a shared store: whether this node may work on the folder now, taking the lease if it is free (and then
     * loading the cursor the previous holder saved). Without one: always.
     */
    private boolean active() {
        if (coordination == null) {
            return true;
        }
        if (lease != null && lease.isValid()) {
            return true;
        }
        if (lease != null) {
            LOG.warn("mailbox: lost the lease on {}; standing by", sharedKey());
            lease.close();
            lease = null;
            state = null;
        }
        try {
            Optional<Lease> taken = coordination.leases().tryAcquire(sharedKey());
            if (taken.isEmpty()) {
                return false;
            }
            lease = taken.get();
            state = loadState(mailbox.info());
            LOG.info("mailbox: {} is consumed on this node ({})", sharedKey(), coordination.nodeId());
            retryLeftMessages();
            return true;
        } catch (Exception e) {
            getExceptionHandler().handleException("mailbox: cannot take the lease on " + sharedKey(), e);
            return false;
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (listener != null) {
            listener.close();
            listener = null;
        }
        if (worker != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownGraceful(worker);
            worker = null;
        }
        if (lease != null) {
            lease.close(); // another node's consumer takes over at once, not after the lease time
            lease = null;
        }
        super.doStop();
    }

    private ConsumerState loadState(MailboxInfo info) throws Exception {
        StateStorage file = coordination != null ? StateStorage.shared(coordination.records(), sharedKey())
                : StateStorage.file(ConsumerState.fileFor(endpoint.resolveStateDirectory(), endpoint.getAccount(),
                endpoint.getFolder()));
        Optional<ConsumerState> saved = ConsumerState.load(file);
        if (saved.isPresent() && saved.get().uidValidity() == info.uidValidity()) {
            return saved.get();
        }
        if (saved.isPresent()) {
            // a new UIDVALIDITY means the old UIDs mean nothing any more (RFC 3501 section 2.3.1.1)
            LOG.warn("mailbox: {}/{} has a new UIDVALIDITY ({} was {}); starting over as on a first start",
                    endpoint.getAccount(), endpoint.getFolder(), info.uidValidity(), saved.get().uidValidity());
        }
        long last = endpoint.isFromStart() ? 0 : info.uidNext() - 1;
        ConsumerState fresh = ConsumerState.fresh(file, info.uidValidity(), last);
        // saved now, so messages that arrive while the route is stopped are not skipped at the next start
        fresh.save();
        return fresh;
    }

    private Mailbox target(CommitAction action) throws StoreException {
        if (action.kind() != CommitAction.Kind.MOVE) {
            return null;
        }
        Mailbox target = MailboxLocator.open(endpoint.getStore(), endpoint.getAccount(), action.folder(),
                endpoint.isCreateFolder());
        if (target.id() == mailbox.id()) {
            throw new IllegalArgumentException("mailbox: cannot move messages of " + endpoint.getFolder()
                    + " to the same folder");
        }
        return target;
    }

    private void wake() {
        ExecutorService w = worker;
        if (w != null && scanQueued.compareAndSet(false, true)) {
            w.execute(this::scan);
        }
    }

    /** Messages that failed before the last stop and were left in the folder: tried once more, flagged redelivered. */
    private void retryLeftMessages() {
        for (long uid : state.retry()) {
            if (!isRunAllowed()) {
                return;
            }
            handle(uid, true);
        }
    }

    private void scan() {
        scanQueued.set(false);
        if (!active()) {
            return;
        }
        List<MessageMeta> added;
        try {
            added = mailbox.messages(state.lastUid() + 1, Long.MAX_VALUE);
        } catch (StoreException e) {
            getExceptionHandler().handleException("mailbox: cannot list " + endpoint.getFolder(), e);
            return;
        }
        for (MessageMeta meta : added) {
            if (!isRunAllowed() || coordination != null && !lease.isValid()) {
                return;
            }
            handle(meta.uid(), false);
        }
    }

    private void handle(long uid, boolean redelivered) {
        state.begin(uid);
        save(uid);
        boolean done = dispatcher.dispatch(uid, redelivered);
        state.handled(uid, !done);
        save(uid);
    }

    private void save(long uid) {
        try {
            state.save();
        } catch (Exception e) {
            getExceptionHandler().handleException("mailbox: cannot save " + state.location()
                    + "; messages from UID " + uid + " on may be delivered again after a restart", e);
        }
    }
}
