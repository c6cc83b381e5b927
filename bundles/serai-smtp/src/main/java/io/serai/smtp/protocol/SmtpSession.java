package io.serai.smtp.protocol;

import io.serai.sasl.SaslMechanisms;
import io.serai.smtp.api.Limits;
import io.serai.smtp.api.SmtpReply;
import io.serai.smtp.api.SmtpServerConfig;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The RFC 5321 server state machine of one connection, free of any I/O: the transport feeds it lines, chunk
 * bytes and events, and writes the {@link Response} it returns. This class owns the session (greeting, EHLO,
 * AUTH, STARTTLS, limits); {@link MailTransaction} owns the mail transaction. Not thread-safe: one session, one
 * thread at a time.
 */
public final class SmtpSession {

    /**
     * RFC 5321 §4.5.3.1.4 allows 512 octets, and RFC 1870, 3461 and 6531 add parameters beyond it; we accept
     * up to this many octets (CRLF excluded) before answering 500 5.5.6. AUTH lines may reach 12288 (RFC 4954 §4).
     */
    static final int MAX_COMMAND_LINE = 2046;

    private enum State { NEED_HELO, READY, AUTH, TLS_STARTING, CLOSED }

    private final SmtpServerConfig config;
    private final SaslMechanisms sasl;
    private final ResponseBuilder out = new ResponseBuilder();
    private final MailTransaction transaction;

    private State state = State.NEED_HELO;
    private boolean tls;
    /** The client is on a trusted network: AUTH PLAIN/LOGIN are offered as over TLS. */
    private final boolean trustedClient;
    private boolean extended;
    private String heloName;
    private String authenticatedUser;
    private AuthExchange auth;
    private int errors;
    private int authFailures;

    /**
     * @param tlsActive true on an implicit-TLS listener
     * @param sasl      the mechanisms over the configured credential store, or null when AUTH is disabled
     */
    public SmtpSession(SmtpServerConfig config, InetSocketAddress client, boolean tlsActive, SpoolFactory spool,
                       Supplier<String> transactionIds, SaslMechanisms sasl) {
        this.config = config;
        this.tls = tlsActive;
        this.trustedClient = config.trustedNetworks().contains(client);
        this.sasl = sasl;
        this.transaction = new MailTransaction(config, client, spool, transactionIds, new MailTransaction.Output() {
            @Override
            public void reply(SmtpReply reply) {
                out.reply(reply);
            }

            @Override
            public void error(SmtpReply reply) {
                SmtpSession.this.error(reply);
            }

            @Override
            public void deliver(Response.Delivery delivery) {
                out.deliver(delivery);
            }
        });
    }

    public Response greeting() {
        out.reply(Replies.greeting(config.hostname()));
        return respond();
    }

    /** How the transport must frame the next input. */
    public InputMode inputMode() {
        if (state == State.CLOSED || state == State.TLS_STARTING) {
            return InputMode.none();
        }
        InputMode message = transaction.inputMode();
        return message != null ? message : InputMode.lines(Limits.AUTH_LINE_LENGTH, false);
    }

    /**
     * Whether {@link #onLine} may block for this line, so the transport must call it off its network thread: a
     * SASL step (credential look-up, PBKDF2), RCPT with a recipient validator that may block, or message data once
     * the spool writes to disk. Everything else is answered from memory, where the network thread may call it.
     */
    public boolean lineMayBlock(byte[] line) {
        if (readingData()) {
            return transaction.inputMayBlock(line.length + 2);
        }
        if (state == State.AUTH) {
            return true;
        }
        return startsWithVerb(line, "AUTH")
                || (startsWithVerb(line, "RCPT")
                        && (config.recipientValidator().mayBlock() || config.relayPolicy().mayBlock()));
    }

    /** Whether {@link #onChunk} may block for {@code length} bytes (the spool writes to disk). */
    public boolean chunkMayBlock(int length) {
        return transaction.inputMayBlock(length);
    }

    /** Whether {@link #onLineTooLong} may block (message data that goes to a spool file). */
    public boolean lineTooLongMayBlock() {
        return readingData() && transaction.inputMayBlock(0);
    }

    /** Case-insensitive match of the first word of a command line (RFC 5321 §2.4), without decoding it. */
    private static boolean startsWithVerb(byte[] line, String verb) {
        int n = verb.length();
        if (line.length < n || (line.length > n && line[n] != ' ')) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if ((line[i] & 0xDF) != verb.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** One line, without its CRLF. */
    public Response onLine(byte[] line) {
        if (readingData()) {
            transaction.dataLine(line, facts());
        } else if (state == State.AUTH) {
            authOutcome(auth.respond(line));
        } else if (state == State.NEED_HELO || state == State.READY) {
            command(line);
        } else {
            throw new IllegalStateException("no line expected in state " + state);
        }
        return respond();
    }

    /** The framer dropped a line longer than {@link #inputMode()} allowed, up to and including its CRLF. */
    public Response onLineTooLong() {
        if (readingData()) {
            transaction.dataLineTooLong();
        } else if (state == State.AUTH) {
            authOutcome(new AuthExchange.Outcome(Replies.LINE_TOO_LONG, true, null, false));
        } else {
            error(Replies.LINE_TOO_LONG);
        }
        return respond();
    }

    /** Bytes of the current BDAT chunk; never more than {@link #inputMode()} asked for. */
    public Response onChunk(byte[] bytes, int offset, int length) {
        transaction.chunkData(bytes, offset, length, facts());
        return respond();
    }

    /** The TLS handshake after STARTTLS succeeded: RFC 3207 §4.2 says to forget everything learnt before. */
    public Response tlsStarted() {
        tls = true;
        state = State.NEED_HELO;
        heloName = null;
        extended = false;
        authenticatedUser = null;
        transaction.reset();
        return respond();
    }

    /**
     * The application finished with the message of the last {@link Response.Action#DELIVER}.
     *
     * @param reply   the handler's reply, or null for the default 250
     * @param failure the exception the handler's stage completed with, or null
     */
    public Response deliveryCompleted(SmtpReply reply, Throwable failure) {
        transaction.delivered(reply, failure, state == State.CLOSED);
        return respond();
    }

    /** No input within the timeout of {@link #inputMode()} (RFC 5321 §4.5.3.2). */
    public Response timeout() {
        out.reply(Replies.timeout(config.hostname()));
        close();
        return respond();
    }

    /** The server is stopping. */
    public Response shutdown() {
        out.reply(Replies.shuttingDown(config.hostname()));
        close();
        return respond();
    }

    /** The connection is gone: drop any half-received message (a pending delivery is released when it completes). */
    public void closed() {
        transaction.reset();
        state = State.CLOSED;
    }

    /** Whether replies carry enhanced status codes (after EHLO, RFC 2034 §3). */
    public boolean enhancedStatusCodes() {
        return extended;
    }

    public Optional<String> authenticatedUser() {
        return Optional.ofNullable(authenticatedUser);
    }

    private boolean readingData() {
        InputMode mode = transaction.inputMode();
        return mode != null && mode.kind() == InputMode.Kind.LINE;
    }

    private MailTransaction.SessionFacts facts() {
        return new MailTransaction.SessionFacts(heloName, authenticatedUser(), tls, extended);
    }

    private void command(byte[] line) {
        if (DataReceiver.hasBareLineEnding(line)) {
            error(Replies.BARE_LINE_ENDING_IN_COMMAND);
            return;
        }
        Optional<SmtpCommand> parsed = CommandParser.parse(line);
        if (parsed.isEmpty()) {
            error(Replies.BAD_ENCODING);
        } else if (parsed.get().verb() == null) {
            error(Replies.UNKNOWN_COMMAND);
        } else if (parsed.get().verb() != Verb.AUTH && line.length > MAX_COMMAND_LINE) {
            error(Replies.LINE_TOO_LONG);
        } else {
            dispatch(parsed.get().verb(), parsed.get().argument());
        }
    }

    private void dispatch(Verb verb, String argument) {
        boolean noArgs = argument.isEmpty();
        boolean greeted = state != State.NEED_HELO;
        switch (verb) {
            case HELO, EHLO -> hello(verb == Verb.EHLO, argument.trim());
            case MAIL -> {
                if (!greeted) {
                    error(Replies.SEND_HELLO_FIRST);
                } else if (config.kind().authRequired() && authenticatedUser == null && !transaction.active()) {
                    error(Replies.AUTH_REQUIRED); // RFC 4954 §6, RFC 6409 §4.3
                } else {
                    transaction.mail(argument);
                }
            }
            case RCPT -> {
                if (greeted) {
                    transaction.rcpt(argument, authenticatedUser());
                } else {
                    error(Replies.SEND_HELLO_FIRST);
                }
            }
            case DATA -> {
                if (!noArgs) {
                    error(Replies.NO_ARGUMENTS_ALLOWED);
                } else if (greeted) {
                    transaction.data();
                } else {
                    error(Replies.SEND_HELLO_FIRST);
                }
            }
            case BDAT -> transaction.bdat(argument, facts()); // a refused chunk must still be read
            case RSET -> {
                if (noArgs) {
                    transaction.reset();
                    out.reply(Replies.RESET_OK);
                } else {
                    error(Replies.NO_ARGUMENTS_ALLOWED);
                }
            }
            case NOOP -> out.reply(Replies.OK); // RFC 5321 §4.1.1.9: any argument is ignored
            case QUIT -> {
                out.reply(Replies.closing(config.hostname()));
                close();
            }
            // RFC 5321 §3.5.3 and §7.3: we do not disclose whether a mailbox exists
            case VRFY -> {
                if (noArgs) {
                    error(Replies.VRFY_SYNTAX);
                } else {
                    out.reply(Replies.CANNOT_VRFY);
                }
            }
            case EXPN -> error(Replies.NOT_IMPLEMENTED);
            case HELP -> out.reply(Replies.HELP);
            case STARTTLS -> startTls(noArgs);
            case AUTH -> auth(argument);
            default -> error(Replies.UNKNOWN_COMMAND);
        }
    }

    private void hello(boolean ehlo, String name) {
        if (!MailboxSyntax.isDomainOrLiteral(name)) {
            error(Replies.BAD_DOMAIN);
            return;
        }
        transaction.reset(); // RFC 5321 §4.1.4: EHLO/HELO is an implicit RSET
        heloName = name;
        extended = ehlo;
        state = State.READY;
        out.reply(ehlo ? EhloKeywords.reply(config, tls, trustedClient, name) : Replies.helo(config.hostname(), name));
    }

    private void startTls(boolean noArgs) {
        if (!noArgs) {
            error(Replies.NO_ARGUMENTS_ALLOWED);
        } else if (tls) {
            error(Replies.TLS_ALREADY_ACTIVE);
        } else if (config.sslContext().isEmpty()) {
            error(Replies.TLS_NOT_AVAILABLE);
        } else {
            transaction.reset();
            out.reply(Replies.READY_TO_START_TLS);
            state = State.TLS_STARTING;
            out.action(Response.Action.START_TLS);
        }
    }

    private void auth(String argument) {
        if (sasl == null || !config.authEnabled()) {
            error(Replies.NOT_IMPLEMENTED);
        } else if (state == State.NEED_HELO) {
            error(Replies.SEND_HELLO_FIRST);
        } else if (authenticatedUser != null) {
            error(Replies.ALREADY_AUTHENTICATED);
        } else if (transaction.active()) {
            error(Replies.AUTH_IN_TRANSACTION);
        } else if (!EhloKeywords.authOffered(config, tls, trustedClient)) {
            error(Replies.TLS_REQUIRED_FOR_AUTH);
        } else {
            String[] parts = argument.trim().split(" +", 2);
            Optional<AuthExchange> exchange = AuthExchange.create(sasl, parts[0]);
            if (exchange.isEmpty()) {
                error(Replies.UNKNOWN_MECHANISM);
                return;
            }
            auth = exchange.get();
            authOutcome(auth.start(parts.length > 1 ? parts[1] : null));
        }
    }

    private void authOutcome(AuthExchange.Outcome outcome) {
        if (!outcome.finished()) {
            state = State.AUTH;
            out.reply(outcome.reply());
            return;
        }
        state = State.READY;
        auth = null;
        if (outcome.user() != null) {
            authenticatedUser = outcome.user();
            out.reply(outcome.reply());
        } else if (outcome.failed()) {
            authFailures++;
            out.throttle(); // the transport delays this reply to slow down password guessing
            out.reply(outcome.reply());
            if (authFailures >= config.limits().maxAuthFailures()) {
                out.reply(Replies.TOO_MANY_AUTH_FAILURES);
                close();
            }
        } else {
            error(outcome.reply());
        }
    }

    /** A reply to a bad command: counts towards the error limit. */
    private void error(SmtpReply reply) {
        out.reply(reply);
        errors++;
        if (errors >= config.limits().maxErrors() && state != State.CLOSED) {
            out.reply(Replies.TOO_MANY_ERRORS);
            close();
        }
    }

    private void close() {
        transaction.reset();
        state = State.CLOSED;
        out.action(Response.Action.CLOSE);
    }

    private Response respond() {
        return out.build(extended);
    }
}
