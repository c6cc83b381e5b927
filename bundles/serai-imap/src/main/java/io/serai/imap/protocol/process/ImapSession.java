package io.serai.imap.protocol.process;

import io.serai.imap.protocol.decode.CommandFrame;
import io.serai.imap.protocol.decode.DecodeException;
import io.serai.imap.protocol.decode.RequestDecoder;
import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.Status;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.StoreException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The state machine of one IMAP connection (RFC 9051 §3): not authenticated → authenticated ⇄ selected → logout.
 * The transport feeds it whole commands from the framer and writes the returned responses in order. No I/O, no
 * threads: calls must come one at a time (the transport's per-connection executor), and may block on the store.
 */
public final class ImapSession {

    /** How long NOOP waits for the events of changes already committed before it compares with the store. */
    private static final long CATCH_UP_MILLIS = 500;

    /**
     * A CONDSTORE-enabling command other than SELECT turned CONDSTORE on while a mailbox was selected: its completion
     * carries {@code * OK [HIGHESTMODSEQ n]} (RFC 7162 §3.1).
     */
    private boolean announceHighestModSeq;
    private final ImapConfig config;
    private final RequestDecoder decoder;
    private final Processors processors;
    private final boolean starttlsAvailable;
    private boolean tls;
    private SessionState state = SessionState.NOT_AUTHENTICATED;
    private String user;
    private Mailboxes mailboxes;
    private SelectedMailbox selected;
    private final Set<String> enabled = new HashSet<>();
    private SaslExchange sasl;
    private int badInARow;
    private boolean startTls;
    private String idleTag;
    private boolean compressionAvailable;
    private boolean compressionActive;
    private boolean startCompression;
    private Runnable updateHook;
    private final SyncModes modes = new SyncModes();

    public ImapSession(ImapConfig config, boolean tls, boolean starttlsAvailable) {
        this.config = config;
        this.tls = tls;
        this.starttlsAvailable = starttlsAvailable && !tls;
        this.decoder = new RequestDecoder();
        this.processors = new Processors();
    }

    /** The server greeting (RFC 9051 §7.1.1), with capabilities so clients need not ask. */
    public ImapResponse greeting() {
        return StatusResponse.untagged(Status.OK, ResponseCode.capability(Capabilities.of(this)),
                config.serverName() + " IMAP ready");
    }

    /** Handles one framed command (or a SASL response line while AUTHENTICATE is in progress). */
    public List<ImapResponse> receive(byte[] frame) {
        return receive(CommandFrame.of(frame));
    }

    /**
     * As {@link #receive(byte[])} for a command whose large literals may be spool files: they are deleted once the
     * command has run, whatever its outcome (OK, NO, BAD, a failed MULTIAPPEND).
     */
    public List<ImapResponse> receive(CommandFrame command) {
        try {
            return handle(command);
        } finally {
            command.release();
        }
    }

    private List<ImapResponse> handle(CommandFrame command) {
        byte[] frame = command.bytes();
        List<ImapResponse> out = new ArrayList<>();
        if (state == SessionState.LOGOUT) {
            return out;
        }
        if (idleTag != null) {
            return countBad(endIdle(frame));
        }
        if (sasl != null) {
            SaslExchange exchange = sasl;
            sasl = null;
            exchange.respond(frame, this, out);
            return countBad(out);
        }
        if (frame.length == 0) {
            return out; // an empty line is not a command; ignore it as most servers do
        }
        ImapRequest request;
        try {
            request = decoder.decode(command, utf8());
        } catch (DecodeException e) {
            return decodeError(e);
        }
        processors.dispatch(request, this, out);
        reportBeforeCompletion(request, out);
        if (selected != null) {
            KeywordAnnouncer.announce(selected, out);
        }
        return countBad(out);
    }

    /**
     * Any command completion may carry what other sessions changed (RFC 9051 §7): the updates go just before the
     * tagged response, without EXPUNGE for commands that use sequence numbers ({@link ExpungePolicy}). Processors
     * that report earlier (NOOP, APPEND) leave nothing for this.
     */
    private void reportBeforeCompletion(ImapRequest request, List<ImapResponse> out) {
        if (selected == null || idleTag != null || out.isEmpty()
                || !(out.get(out.size() - 1) instanceof StatusResponse last) || last.tag() == null) {
            return;
        }
        List<ImapResponse> updates = new ArrayList<>();
        try {
            pendingUpdates(ExpungePolicy.allowedAfter(request), updates);
            if (announceHighestModSeq && selected != null && last.status() == Status.OK) {
                announceHighestModSeq = false;
                updates.add(StatusResponse.untagged(Status.OK, ResponseCode.number("HIGHESTMODSEQ",
                        selected.mailbox().info().highestModSeq()), "Highest"));
            }
        } catch (StoreException e) {
            return; // reported at the next command; the command itself has completed
        }
        out.addAll(out.size() - 1, updates);
    }

    /**
     * Reports what other sessions changed in the selected mailbox since the last report, and updates the sequence
     * map accordingly. With {@code expungeAllowed} false (during FETCH, STORE, SEARCH by sequence number, RFC 9051
     * §7.5.1) expunged messages stay in the map and are reported later. Nothing happens outside the selected state.
     * If the selected mailbox was deleted, the session ends with {@code * BYE}.
     */
    void pendingUpdates(boolean expungeAllowed, List<ImapResponse> out) throws StoreException {
        if (selected == null) {
            return;
        }
        if (selected.pending().mailboxGone()) {
            out.add(StatusResponse.untagged(Status.BYE, null, "Selected mailbox was deleted"));
            logout();
            return;
        }
        UpdateReporter.report(selected, expungeAllowed, out);
    }

    /**
     * Brings the session up to what the store has committed before it reports (NOOP, CHECK, IDLE): waits briefly for
     * the events of changes up to the mailbox's current HIGHESTMODSEQ, and compares with the store itself
     * ({@link MailboxSync}) if they do not come. Costs one mailbox-status read per call.
     */
    void catchUp() {
        if (selected == null || selected.pending().mailboxGone()) {
            return;
        }
        long committed;
        try {
            committed = selected.mailbox().info().highestModSeq();
        } catch (StoreException e) {
            return; // deleted or unavailable: the report that follows says so
        }
        if (committed <= selected.syncedModSeq()) {
            return;
        }
        try {
            if (!selected.pending().awaitSeen(committed, CATCH_UP_MILLIS)) {
                selected.pending().forceResync();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * This session's own APPEND (or COPY) put {@code uid} into the selected mailbox: reports it as EXISTS now, with
     * every message others added before it, so sequence numbers keep ascending with UIDs. The store's event for it
     * comes later and is then ignored. Call only where EXPUNGE is allowed.
     */
    void reportAppended(long uid, List<ImapResponse> out) throws StoreException {
        if (selected == null) {
            return;
        }
        UpdateReporter.learnOwn(selected, uid);
        pendingUpdates(true, out);
    }

    /**
     * A STORE of this session changed these messages: their events are not echoed back as untagged FETCH (the STORE
     * response already carries them, or the client asked for {@code .SILENT}, RFC 9051 §6.4.6).
     */
    void ownFlagChanges(List<MessageMeta> updated) {
        if (selected != null) {
            for (MessageMeta m : updated) {
                selected.pending().ownFlagChange(m.uid(), m.modSeq());
            }
        }
    }

    // ---- IDLE (RFC 2177, RFC 9051 §6.3.13) ----

    void startIdle(String tag) {
        idleTag = tag;
    }

    /** Whether the session is in IDLE: the transport then pushes {@link #idleUpdates()} and runs the timeout. */
    public boolean idling() {
        return idleTag != null;
    }

    /** How long an IDLE may last before the server ends the connection. */
    public Duration idleTimeout() {
        return config.idleTimeout();
    }

    /**
     * Registers the push hook: run on a store thread whenever changes start waiting for this session. The transport
     * answers by calling {@link #idleUpdates()} on the session's own executor.
     */
    public void onUpdates(Runnable hook) {
        this.updateHook = hook;
        if (selected != null) {
            selected.pending().onChange(hook);
        }
    }

    /** What to push now while idling (nothing otherwise); RFC 9051 §6.3.13 allows EXPUNGE during IDLE. */
    public List<ImapResponse> idleUpdates() {
        List<ImapResponse> out = new ArrayList<>();
        if (idleTag != null) {
            try {
                pendingUpdates(true, out);
            } catch (StoreException e) {
                // the next push or DONE tries again
            }
            if (selected != null) {
                KeywordAnnouncer.announce(selected, out);
            }
        }
        return out;
    }

    /** The IDLE lasted longer than {@link #idleTimeout()}: {@code * BYE}, then the transport closes. */
    public List<ImapResponse> idleTimedOut() {
        List<ImapResponse> out = new ArrayList<>();
        if (idleTag != null && state != SessionState.LOGOUT) {
            idleTag = null;
            out.add(StatusResponse.untagged(Status.BYE, null, "IDLE timed out"));
            logout();
        }
        return out;
    }

    /** The line after {@code + idling}: {@code DONE} ends IDLE with the tagged OK, anything else with BAD. */
    private List<ImapResponse> endIdle(byte[] frame) {
        String tag = idleTag;
        idleTag = null;
        List<ImapResponse> out = new ArrayList<>();
        if (!new String(frame, java.nio.charset.StandardCharsets.US_ASCII).equalsIgnoreCase("DONE")) {
            out.add(StatusResponse.bad(tag, "Expected DONE"));
            return out;
        }
        try {
            pendingUpdates(true, out);
        } catch (StoreException e) {
            // reported at the next command
        }
        if (state != SessionState.LOGOUT) {
            out.add(StatusResponse.ok(tag, "IDLE terminated"));
        }
        return out;
    }

    /** The connection is gone: releases the store listener. Idempotent. */
    public void close() {
        idleTag = null;
        if (selected != null) {
            selected.close();
            selected = null;
        }
        state = SessionState.LOGOUT;
    }

    /** The answer to a framing or syntax error: tagged BAD when the tag is known (RFC 9051 §7.1.5), BYE if fatal. */
    public List<ImapResponse> decodeError(DecodeException e) {
        List<ImapResponse> out = new ArrayList<>();
        if (e.refused() && e.tag() != null) {
            out.add(StatusResponse.no(e.tag(), null, e.getMessage()));
            return out;
        }
        out.add(StatusResponse.bad(e.tag(), e.getMessage()));
        if (e.fatal()) {
            out.add(StatusResponse.untagged(Status.BYE, null, "Protocol error, closing"));
            logout();
            return out;
        }
        return countBad(out);
    }

    /** Counts consecutive tagged or untagged BAD answers; too many end the session with BYE. */
    private List<ImapResponse> countBad(List<ImapResponse> out) {
        if (out.isEmpty() || !(out.get(out.size() - 1) instanceof StatusResponse last)) {
            return out;
        }
        if (last.status() != Status.BAD) {
            badInARow = 0;
        } else if (++badInARow >= config.maxBadCommands() && state != SessionState.LOGOUT) {
            out.add(StatusResponse.untagged(Status.BYE, null, "Too many invalid commands"));
            logout();
        }
        return out;
    }

    /** Whether the transport should close the connection after writing the last responses. */
    public boolean closed() {
        return state == SessionState.LOGOUT;
    }

    /** Whether responses use UTF-8 (IMAP4rev2 or UTF8=ACCEPT enabled, RFC 9051 §5.1, RFC 6855). */
    public boolean utf8() {
        return enabled.contains("IMAP4REV2") || enabled.contains("UTF8=ACCEPT");
    }

    /** The transport finished a TLS handshake (STARTTLS). */
    public void tlsStarted() {
        tls = true;
    }

    /**
     * Whether the last command was a successful STARTTLS; clears the flag. The transport must then drop all input
     * until the handshake completes and call {@link #tlsStarted()}.
     */
    public boolean takeStartTls() {
        boolean requested = startTls;
        startTls = false;
        return requested;
    }

    void startTlsRequested() {
        startTls = true;
    }

    /** The transport can insert DEFLATE (RFC 4978): COMPRESS=DEFLATE is advertised and the command accepted. */
    public void offerCompression() {
        compressionAvailable = true;
    }

    boolean compressionAvailable() {
        return compressionAvailable && !compressionActive;
    }

    boolean compressionActive() {
        return compressionActive;
    }

    void compressionRequested() {
        compressionActive = true;
        startCompression = true;
    }

    /**
     * Whether the last command was a successful COMPRESS DEFLATE; clears the flag. The transport must write the OK
     * uncompressed, then compress everything in both directions from the next octet on (RFC 4978 §3).
     */
    public boolean takeCompression() {
        boolean requested = startCompression;
        startCompression = false;
        return requested;
    }

    public SessionState state() {
        return state;
    }

    ImapConfig config() {
        return config;
    }

    boolean tls() {
        return tls;
    }

    boolean starttlsAvailable() {
        return starttlsAvailable && !tls;
    }

    Set<String> enabled() {
        return enabled;
    }

    /**
     * Whether CONDSTORE is on: enabled, implied by QRESYNC, or switched on by any CONDSTORE-enabling command
     * (RFC 7162 §3.1). From then on every FETCH of flags carries MODSEQ (§3.1.4).
     */
    boolean condstore() {
        return modes.condstore();
    }

    /** A CONDSTORE-enabling command ran (SELECT (CONDSTORE), FETCH MODSEQ, STORE UNCHANGEDSINCE, ...). */
    void condstoreUsed() {
        if (!modes.condstore() && selected != null) {
            announceHighestModSeq = true;
        }
        modes.enableCondstore();
    }

    /** SELECT or EXAMINE has just reported HIGHESTMODSEQ itself. */
    void highestModSeqReported() {
        announceHighestModSeq = false;
    }

    /** Whether QRESYNC is enabled (RFC 7162 §3.2.3): expunges are then reported as VANISHED. */
    boolean qresync() {
        return modes.qresync();
    }

    SyncModes modes() {
        return modes;
    }

    String user() {
        return user;
    }

    Mailboxes mailboxes() {
        return mailboxes;
    }

    SelectedMailbox selected() {
        return selected;
    }

    void saslPending(SaslExchange exchange) {
        this.sasl = exchange;
    }

    void authenticated(String account) throws StoreException {
        this.mailboxes = config.store().mailboxes(account);
        this.user = account;
        this.state = SessionState.AUTHENTICATED;
    }

    void select(SelectedMailbox mailbox) {
        if (selected != null) {
            selected.close();
        }
        this.selected = mailbox;
        mailbox.modes(modes);
        if (updateHook != null) {
            mailbox.pending().onChange(updateHook);
        }
        this.state = SessionState.SELECTED;
    }

    void unselect() {
        if (selected != null) {
            selected.close();
        }
        this.selected = null;
        if (state == SessionState.SELECTED) {
            state = SessionState.AUTHENTICATED;
        }
    }

    void logout() {
        if (selected != null) {
            selected.close();
        }
        this.selected = null;
        this.state = SessionState.LOGOUT;
    }
}
