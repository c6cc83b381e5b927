package io.serai.imap.protocol.process;

import io.serai.imap.protocol.decode.DecodeException;
import io.serai.imap.protocol.decode.RequestDecoder;
import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.Status;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.StoreException;

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
        List<ImapResponse> out = new ArrayList<>();
        if (state == SessionState.LOGOUT) {
            return out;
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
            request = decoder.decode(frame, utf8());
        } catch (DecodeException e) {
            return decodeError(e);
        }
        processors.dispatch(request, this, out);
        return countBad(out);
    }

    /** The answer to a framing or syntax error: tagged BAD when the tag is known (RFC 9051 §7.1.5), BYE if fatal. */
    public List<ImapResponse> decodeError(DecodeException e) {
        List<ImapResponse> out = new ArrayList<>();
        out.add(StatusResponse.bad(e.tag(), e.getMessage()));
        if (e.fatal()) {
            out.add(StatusResponse.untagged(Status.BYE, null, "Protocol error, closing"));
            state = SessionState.LOGOUT;
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
            state = SessionState.LOGOUT;
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
        this.selected = mailbox;
        this.state = SessionState.SELECTED;
    }

    void unselect() {
        this.selected = null;
        if (state == SessionState.SELECTED) {
            state = SessionState.AUTHENTICATED;
        }
    }

    void logout() {
        this.selected = null;
        this.state = SessionState.LOGOUT;
    }
}
