package io.serai.camel.imapidle.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.serai.camel.imapidle.ImapIdleConfiguration;
import io.serai.camel.imapidle.ImapIdleEndpoint;
import io.serai.camel.imapidle.ImapIdleMode;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.DefaultConsumer;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker thread per consumer: connect, open the folder, hand every message above the watermark to the route,
 * then wait in IDLE (or sleep pollInterval when the server lacks IDLE) and repeat; on any connection failure close,
 * wait with back-off and reconnect. Waiting is always blocking (IDLE, or a latch with a timeout), never spinning.
 */
@ManagedResource(description = "IMAP IDLE consumer: connection mode, last error and last message")
public final class ImapIdleConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ImapIdleConsumer.class);

    private final ImapIdleConfiguration configuration;
    private final UidWatermark watermark;
    private final Object idleLock = new Object();
    private final AtomicLong messagesProcessed = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();

    private ImapConnector connector;
    private MessageCommitter committer;
    private MessageDelivery delivery;
    private UidStateFile stateFile;
    private ExecutorService worker;
    private ScheduledExecutorService refresher;
    private CountDownLatch stopSignal;
    private volatile boolean stopping;
    private volatile IMAPStore store;
    private boolean idling;

    private volatile ImapIdleMode mode = ImapIdleMode.DISCONNECTED;
    private volatile String lastError;
    private volatile Instant lastErrorTime;
    private volatile Instant lastMessageTime;

    public ImapIdleConsumer(ImapIdleEndpoint endpoint, Processor processor, UidWatermark watermark) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
        this.watermark = watermark;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        stopping = false;
        stopSignal = new CountDownLatch(1);
        if (configuration.getStateDirectory() != null) {
            stateFile = UidStateFile.forEndpoint(Path.of(configuration.getStateDirectory()), configuration.getUsername(),
                    configuration.getHost(), configuration.effectivePort(), configuration.getFolder());
            stateFile.loadInto(watermark);
        }
        connector = new ImapConnector(configuration, getEndpoint().getCamelContext());
        committer = new MessageCommitter(configuration.getMoveTo(), configuration.isDelete(), configuration.isMarkSeen());
        delivery = new MessageDelivery(this, configuration.getFolder());
        var executors = getEndpoint().getCamelContext().getExecutorServiceManager();
        worker = executors.newSingleThreadExecutor(this, "imap-idle " + configuration.getUsername() + "@"
                + configuration.getHost() + "/" + configuration.getFolder());
        refresher = executors.newSingleThreadScheduledExecutor(this, "imap-idle-refresh");
        worker.execute(this::run);
    }

    @Override
    protected void doStop() throws Exception {
        boolean abortIdle;
        synchronized (idleLock) {
            stopping = true;
            abortIdle = idling;
        }
        if (stopSignal != null) {
            stopSignal.countDown();
        }
        IMAPStore current = store;
        if (abortIdle && current != null) {
            // ends IDLE (Angus sends DONE, then LOGOUT); an exchange in flight is left to finish and commit
            ImapConnector.closeQuietly(current);
        }
        var executors = getEndpoint().getCamelContext().getExecutorServiceManager();
        if (worker != null) {
            executors.shutdownGraceful(worker);
            worker = null;
        }
        if (refresher != null) {
            executors.shutdownNow(refresher);
            refresher = null;
        }
        mode = ImapIdleMode.DISCONNECTED;
        super.doStop();
    }

    private void run() {
        Backoff reconnect = new Backoff(configuration.getReconnectInitialDelay(), configuration.getReconnectMaxDelay(),
                configuration.getReconnectMultiplier());
        while (!stopping) {
            IMAPStore connected = null;
            try {
                connected = connector.connect();
                store = connected;
                serve(connected, reconnect);
            } catch (Exception e) {
                if (!stopping) {
                    recordError(e);
                    LOG.warn("imap-idle {}@{}: {}; reconnecting", configuration.getUsername(), configuration.getHost(),
                            e.toString());
                }
            } finally {
                store = null;
                mode = ImapIdleMode.DISCONNECTED;
                if (connected != null) {
                    ImapConnector.closeQuietly(connected);
                }
            }
            if (stopping || await(reconnect.next())) {
                return;
            }
            reconnects.incrementAndGet();
        }
    }

    /** Works one connection until it fails (throws) or the consumer stops (returns). */
    private void serve(IMAPStore connected, Backoff reconnect) throws MessagingException {
        IMAPFolder folder = (IMAPFolder) connected.getFolder(configuration.getFolder());
        folder.open(Folder.READ_WRITE);
        // An EXISTS the server sends while IDLE is being started (queued updates are flushed before the "+"
        // continuation, RFC 2177 section 3) is consumed by Angus without ending idle(true); the event it raises ends
        // it here, so a message that arrives just before IDLE is not left waiting for the next one.
        folder.addMessageCountListener(new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent event) {
                wakeIfIdle(folder);
            }
        });
        committer.prepare(connected);
        long catchUpLimit = alignWatermark(folder);
        // RFC 2177: IDLE only when advertised; Angus refreshes CAPABILITY after log-in
        boolean push = connected.hasCapability("IDLE");
        reconnect.reset();
        mode = push ? ImapIdleMode.IDLE : ImapIdleMode.POLLING;
        Backoff retry = new Backoff(configuration.getReconnectInitialDelay(), configuration.getReconnectMaxDelay(),
                configuration.getReconnectMultiplier());
        int roundsWithoutProgress = 0;
        while (!stopping) {
            long before = watermark.lastUid();
            if (!drain(connected, folder, catchUpLimit)) {
                // a failed exchange: offer the same message again later, on this connection
                if (await(retry.next())) {
                    return;
                }
                continue;
            }
            retry.reset();
            roundsWithoutProgress = watermark.lastUid() == before ? roundsWithoutProgress + 1 : 0;
            // look again at once while messages keep coming, but never spin on a server whose UID FETCH and
            // message count disagree
            if (stopping || roundsWithoutProgress < 2 && hasNewer(folder)) {
                continue;
            }
            if (push) {
                idleOnce(folder);
            } else {
                if (await(configuration.getPollInterval())) {
                    return;
                }
                noop(folder);
            }
        }
    }

    /**
     * Returns the highest UID at or below which \Seen messages count as already handled, or 0. Used only when the
     * watermark is not valid (first start, or UIDVALIDITY changed, RFC 3501 section 2.3.1.1): the stored UIDs then
     * name nothing, so the messages in the folder are offered again; when markSeen is the only commit action,
     * \Seen marks those a previous run committed, and they are skipped. With moveTo or delete, committed messages
     * have left the folder, so all that remain are offered.
     */
    private long alignWatermark(IMAPFolder folder) throws MessagingException {
        UidWatermark.Alignment alignment = watermark.align(folder.getUIDValidity());
        if (alignment == UidWatermark.Alignment.CONTINUE) {
            return 0;
        }
        if (alignment == UidWatermark.Alignment.CHANGED) {
            LOG.warn("imap-idle {}@{}/{}: UIDVALIDITY changed to {}; offering the folder's messages again{}",
                    configuration.getUsername(), configuration.getHost(), configuration.getFolder(),
                    watermark.uidValidity(), skipSeenOnCatchUp() ? " except \\Seen ones" : "");
        }
        persist();
        if (!skipSeenOnCatchUp()) {
            return 0;
        }
        int count = folder.getMessageCount();
        return count == 0 ? 0 : folder.getUID(folder.getMessage(count));
    }

    private boolean skipSeenOnCatchUp() {
        return configuration.isMarkSeen() && configuration.getMoveTo() == null && !configuration.isDelete();
    }

    /** Offers every message above the watermark, in UID order; false when an exchange failed (and stopped the batch). */
    private boolean drain(IMAPStore connected, IMAPFolder folder, long catchUpLimit) throws MessagingException {
        long from = watermark.lastUid() + 1;
        Message[] messages = folder.getMessagesByUID(from, UIDFolder.LASTUID);
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(messages, profile);
        for (Message message : messages) {
            if (stopping) {
                return true;
            }
            long uid;
            try {
                uid = folder.getUID(message);
                // "from:*" always includes the last message, even when its UID is below from (RFC 3501 6.4.8)
                if (uid < from) {
                    continue;
                }
                if (uid <= catchUpLimit && message.isSet(Flags.Flag.SEEN)) {
                    advance(uid);
                    continue;
                }
            } catch (MessageRemovedException gone) {
                continue;
            }
            if (!delivery.deliver(connected, folder, (IMAPMessage) message, uid, watermark.uidValidity())) {
                return false;
            }
        }
        return true;
    }

    /** Called by the exchange's completion, on whichever thread completes it. */
    void committed(IMAPStore connected, IMAPFolder folder, IMAPMessage message, long uid) throws MessagingException {
        committer.commit(connected, folder, message);
        advance(uid);
        messagesProcessed.incrementAndGet();
        lastMessageTime = Instant.now();
    }

    private void advance(long uid) {
        if (watermark.commit(uid)) {
            persist();
        }
    }

    private void persist() {
        if (stateFile == null) {
            return;
        }
        try {
            stateFile.save(watermark.uidValidity(), watermark.lastUid());
        } catch (IOException e) {
            // the message is committed on the server; a restart may offer it again (at least once)
            recordError(e);
            LOG.warn("imap-idle: cannot write {}: {}", stateFile.path(), e.toString());
        }
    }

    /** After a batch: did a message arrive while the route ran (its EXISTS already read, so IDLE would not see it)? */
    private boolean hasNewer(IMAPFolder folder) throws MessagingException {
        int count = folder.getMessageCount();
        return count > 0 && folder.getUID(folder.getMessage(count)) > watermark.lastUid();
    }

    private void idleOnce(IMAPFolder folder) throws MessagingException {
        synchronized (idleLock) {
            if (stopping) {
                return;
            }
            idling = true;
        }
        // RFC 2177 section 3: re-issue IDLE at least every 29 minutes; any command from another thread ends it
        ScheduledFuture<?> refresh = refresher.schedule(() -> noop(folder), configuration.getIdleRefresh(),
                TimeUnit.MILLISECONDS);
        try {
            folder.idle(true);
        } finally {
            refresh.cancel(false);
            synchronized (idleLock) {
                idling = false;
            }
        }
    }

    private void wakeIfIdle(IMAPFolder folder) {
        synchronized (idleLock) {
            if (!idling || stopping) {
                return;
            }
        }
        try {
            // not on Jakarta Mail's event thread: ending IDLE waits for the server's reply
            refresher.execute(() -> noop(folder));
        } catch (RejectedExecutionException stopped) {
            // the consumer is stopping and ends IDLE itself
        }
    }

    private void noop(IMAPFolder folder) {
        try {
            folder.doCommand(protocol -> {
                protocol.simpleCommand("NOOP", null);
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            // the worker sees the broken connection on its next command
            LOG.debug("imap-idle: NOOP failed: {}", e.toString());
        }
    }

    /** Blocks up to {@code millis}; true when the consumer is stopping. */
    private boolean await(long millis) {
        try {
            return stopSignal.await(millis, TimeUnit.MILLISECONDS) || stopping;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    void recordError(Throwable error) {
        lastError = error == null ? "unknown" : error.toString();
        lastErrorTime = Instant.now();
    }

    @ManagedAttribute(description = "IDLE, POLLING or DISCONNECTED")
    public String getMode() {
        return mode.name();
    }

    public ImapIdleMode mode() {
        return mode;
    }

    @ManagedAttribute(description = "The last connection or exchange error, or null")
    public String getLastError() {
        return lastError;
    }

    @ManagedAttribute(description = "When the last error happened (ISO-8601), or null")
    public String getLastErrorTime() {
        return lastErrorTime == null ? null : lastErrorTime.toString();
    }

    @ManagedAttribute(description = "When the last message was committed (ISO-8601), or null")
    public String getLastMessageTime() {
        return lastMessageTime == null ? null : lastMessageTime.toString();
    }

    @ManagedAttribute(description = "The folder's UIDVALIDITY the watermark belongs to")
    public long getUidValidity() {
        return watermark.uidValidity();
    }

    @ManagedAttribute(description = "The highest committed UID")
    public long getLastCommittedUid() {
        return watermark.lastUid();
    }

    @ManagedAttribute(description = "Messages committed since the consumer started")
    public long getMessagesProcessed() {
        return messagesProcessed.get();
    }

    @ManagedAttribute(description = "Reconnect attempts since the consumer started")
    public long getReconnects() {
        return reconnects.get();
    }
}
