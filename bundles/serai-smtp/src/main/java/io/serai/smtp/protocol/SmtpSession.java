package io.serai.smtp.protocol;

import io.serai.sasl.SaslMechanisms;
import io.serai.smtp.api.Envelope;
import io.serai.smtp.api.Limits;
import io.serai.smtp.api.RejectException;
import io.serai.smtp.api.SmtpReply;
import io.serai.smtp.api.SmtpServerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RFC 5321 server state machine of one connection, free of any I/O: the transport feeds it lines, chunk
 * bytes and events, and writes the {@link Response} it returns. Not thread-safe: one session, one thread at a time.
 */
public final class SmtpSession {

    /**
     * RFC 5321 §4.5.3.1.4 allows 512 octets, and RFC 1870, 3461 and 6531 add parameters beyond it; we accept
     * up to this many octets (CRLF excluded) before answering 500 5.5.6. AUTH lines may reach 12288 (RFC 4954 §4).
     */
    static final int MAX_COMMAND_LINE = 2046;

    private static final Pattern BDAT_ARGS = Pattern.compile("(\\d{1,18})( +(?i:LAST))? *");

    private enum State { NEED_HELO, READY, DATA, CHUNK, AUTH, DELIVERING, TLS_STARTING, CLOSED }

    private final SmtpServerConfig config;
    private final InetSocketAddress client;
    private final SpoolFactory spool;
    private final Supplier<String> transactionIds;
    private final SaslMechanisms sasl;
    private final EnvelopeCommands envelopeCommands;

    private State state = State.NEED_HELO;
    private boolean tls;
    private boolean extended;
    private String heloName;
    private String authenticatedUser;
    private Transaction tx;
    private DataReceiver data;
    private ChunkReceiver chunk;
    private AuthExchange auth;
    private SpooledContent delivering;
    private String transactionId;
    private int errors;
    private int authFailures;

    private List<SmtpReply> replies = new ArrayList<>();
    private Response.Action action = Response.Action.CONTINUE;
    private Response.Delivery delivery;
    private boolean throttled;

    /**
     * @param tlsActive      true on an implicit-TLS listener
     * @param sasl           the mechanisms over the configured credential store, or null when AUTH is disabled
     */
    public SmtpSession(SmtpServerConfig config, InetSocketAddress client, boolean tlsActive, SpoolFactory spool,
                       Supplier<String> transactionIds, SaslMechanisms sasl) {
        this.config = config;
        this.client = client;
        this.tls = tlsActive;
        this.spool = spool;
        this.transactionIds = transactionIds;
        this.sasl = sasl;
        this.envelopeCommands = new EnvelopeCommands(config);
    }

    public Response greeting() {
        reply(Replies.greeting(config.hostname()));
        return respond();
    }

    /** How the transport must frame the next input. */
    public InputMode inputMode() {
        Limits limits = config.limits();
        return switch (state) {
            case NEED_HELO, READY, AUTH -> InputMode.lines(Limits.AUTH_LINE_LENGTH, false);
            case DATA -> InputMode.lines(limits.maxLineLength(), true);
            case CHUNK -> InputMode.chunk(chunk.remaining());
            default -> InputMode.none();
        };
    }

    /** One line, without its CRLF. */
    public Response onLine(byte[] line) {
        switch (state) {
            case DATA -> {
                if (data.line(line)) {
                    finishMessage(data.problem(), data.sink());
                }
            }
            case AUTH -> authOutcome(auth.respond(line));
            case NEED_HELO, READY -> command(line);
            default -> throw new IllegalStateException("no line expected in state " + state);
        }
        return respond();
    }

    /** The framer dropped a line longer than {@link #inputMode()} allowed, up to and including its CRLF. */
    public Response onLineTooLong() {
        switch (state) {
            case DATA -> data.lineTooLong();
            case AUTH -> authOutcome(new AuthExchange.Outcome(Replies.LINE_TOO_LONG, true, null, false));
            default -> error(Replies.LINE_TOO_LONG);
        }
        return respond();
    }

    /** Bytes of the current BDAT chunk; never more than {@link #inputMode()} asked for. */
    public Response onChunk(byte[] bytes, int offset, int length) {
        if (state != State.CHUNK || length > chunk.remaining()) {
            throw new IllegalStateException("unexpected chunk data in state " + state);
        }
        try {
            chunk.accept(bytes, offset, length);
        } catch (IOException e) {
            chunk = new ChunkReceiver(null, 0, chunk.remaining() - length, chunk.last(), Replies.LOCAL_ERROR);
        }
        if (chunk.complete()) {
            finishChunk();
        }
        return respond();
    }

    /** The TLS handshake after STARTTLS succeeded: RFC 3207 §4.2 says to forget everything learnt before. */
    public Response tlsStarted() {
        tls = true;
        state = State.NEED_HELO;
        heloName = null;
        extended = false;
        authenticatedUser = null;
        resetTransaction();
        return respond();
    }

    /**
     * The application finished with the message of the last {@link Response.Action#DELIVER}.
     *
     * @param reply   the handler's reply, or null for the default 250
     * @param failure the exception the handler's stage completed with, or null
     */
    public Response deliveryCompleted(SmtpReply reply, Throwable failure) {
        if (state != State.DELIVERING) {
            throw new IllegalStateException("no delivery pending");
        }
        delivering.release();
        delivering = null;
        reply(finalReply(reply, failure));
        resetTransaction();
        state = State.READY;
        return respond();
    }

    /** No input within the timeout of {@link #inputMode()} (RFC 5321 §4.5.3.2). */
    public Response timeout() {
        reply(Replies.timeout(config.hostname()));
        close();
        return respond();
    }

    /** The server is stopping. */
    public Response shutdown() {
        reply(Replies.shuttingDown(config.hostname()));
        close();
        return respond();
    }

    /** The connection is gone: drop any half-received message. */
    public void closed() {
        resetTransaction();
        state = State.CLOSED;
    }

    /** Whether replies carry enhanced status codes (after EHLO, RFC 2034 §3). */
    public boolean enhancedStatusCodes() {
        return extended;
    }

    public Optional<String> authenticatedUser() {
        return Optional.ofNullable(authenticatedUser);
    }

    private void command(byte[] line) {
        if (DataReceiver.hasBareLineEnding(line)) {
            error(Replies.BARE_LINE_ENDING_IN_COMMAND);
            return;
        }
        Optional<SmtpCommand> parsed = CommandParser.parse(line);
        if (parsed.isEmpty()) {
            error(Replies.BAD_ENCODING);
            return;
        }
        SmtpCommand command = parsed.get();
        if (command.verb() == null) {
            error(Replies.UNKNOWN_COMMAND);
        } else if (command.verb() != Verb.AUTH && line.length > MAX_COMMAND_LINE) {
            error(Replies.LINE_TOO_LONG);
        } else {
            dispatch(command.verb(), command.argument());
        }
    }

    private void dispatch(Verb verb, String argument) {
        boolean noArgs = argument.isEmpty();
        switch (verb) {
            case HELO, EHLO -> hello(verb == Verb.EHLO, argument.trim());
            case MAIL -> mail(argument);
            case RCPT -> rcpt(argument);
            case DATA -> data(noArgs);
            case BDAT -> bdat(argument);
            case RSET -> {
                if (noArgs) {
                    resetTransaction();
                    reply(Replies.RESET_OK);
                } else {
                    error(Replies.NO_ARGUMENTS_ALLOWED);
                }
            }
            case NOOP -> reply(Replies.OK); // RFC 5321 §4.1.1.9: any argument is ignored
            case QUIT -> {
                reply(Replies.closing(config.hostname()));
                close();
            }
            // RFC 5321 §3.5.3 and §7.3: we do not disclose whether a mailbox exists
            case VRFY -> {
                if (noArgs) {
                    error(Replies.VRFY_SYNTAX);
                } else {
                    reply(Replies.CANNOT_VRFY);
                }
            }
            case EXPN -> error(Replies.NOT_IMPLEMENTED);
            case HELP -> reply(Replies.HELP);
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
        resetTransaction(); // RFC 5321 §4.1.4: EHLO/HELO is an implicit RSET
        heloName = name;
        extended = ehlo;
        state = State.READY;
        if (!ehlo) {
            reply(Replies.helo(config.hostname(), name));
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(config.hostname() + " greets " + name);
        lines.addAll(EhloKeywords.of(config, tls));
        reply(new SmtpReply(250, null, lines));
    }

    private void mail(String argument) {
        if (state == State.NEED_HELO) {
            error(Replies.SEND_HELLO_FIRST);
        } else if (tx != null) {
            error(Replies.NESTED_MAIL);
        } else if (config.kind().authRequired() && authenticatedUser == null) {
            error(Replies.AUTH_REQUIRED); // RFC 4954 §6 / RFC 6409 §4.3
        } else {
            Transaction fresh = new Transaction();
            SmtpReply reply = envelopeCommands.mail(argument, fresh);
            if (reply.isPositive()) {
                tx = fresh;
                reply(reply);
            } else {
                error(reply);
            }
        }
    }

    private void rcpt(String argument) {
        if (state == State.NEED_HELO) {
            error(Replies.SEND_HELLO_FIRST);
        } else if (tx == null) {
            error(Replies.NEED_MAIL);
        } else {
            SmtpReply reply = envelopeCommands.rcpt(argument, tx, authenticatedUser());
            if (reply.code() >= 500) {
                error(reply);
            } else {
                reply(reply);
            }
        }
    }

    private void data(boolean noArgs) {
        SmtpReply refusal = !noArgs ? Replies.NO_ARGUMENTS_ALLOWED : transactionRefusal();
        if (refusal == null && tx.chunking) {
            refusal = Replies.DATA_AFTER_BDAT;
        }
        if (refusal != null) {
            error(refusal);
            return;
        }
        try {
            tx.sink = spool.newSink();
        } catch (IOException e) {
            reply(Replies.LOCAL_ERROR);
            return;
        }
        data = new DataReceiver(tx.sink, config.limits().maxMessageSize());
        state = State.DATA;
        reply(Replies.START_DATA);
    }

    private void bdat(String argument) {
        Matcher m = BDAT_ARGS.matcher(argument);
        if (!m.matches()) {
            // without a valid size the chunk cannot be skipped; its bytes will be read as (bad) commands
            error(Replies.BAD_BDAT_SYNTAX);
            return;
        }
        long size = Long.parseLong(m.group(1));
        boolean last = m.group(2) != null;
        SmtpReply failure = transactionRefusal();
        if (failure == null && tx.sink == null) {
            try {
                tx.sink = spool.newSink();
            } catch (IOException e) {
                failure = Replies.LOCAL_ERROR;
            }
        }
        if (failure == null) {
            tx.chunking = true;
        }
        chunk = new ChunkReceiver(failure == null ? tx.sink : null, config.limits().maxMessageSize(), size, last,
                failure);
        state = State.CHUNK;
        if (size == 0) {
            finishChunk();
        }
    }

    /** Why DATA/BDAT cannot start now, or null (RFC 5321 §4.1.1.4, RFC 2920 §3.1 for "no valid recipients"). */
    private SmtpReply transactionRefusal() {
        if (state == State.NEED_HELO) {
            return Replies.SEND_HELLO_FIRST;
        }
        if (tx == null) {
            return Replies.NEED_MAIL;
        }
        return tx.recipients.isEmpty() ? Replies.NO_VALID_RECIPIENTS : null;
    }

    private void finishChunk() {
        ChunkReceiver done = chunk;
        chunk = null;
        state = State.READY;
        if (done.failure() != null) {
            // RFC 3030 §2: a failed chunk fails the transaction; the client must start again with MAIL
            resetTransaction();
            error(done.failure());
        } else if (done.last()) {
            finishMessage(null, tx.sink);
        } else {
            reply(Replies.chunkReceived(done.chunkSize()));
        }
    }

    private void finishMessage(SmtpReply problem, MessageSink sink) {
        data = null;
        state = State.READY;
        if (problem != null) {
            resetTransaction();
            reply(problem);
            return;
        }
        transactionId = transactionIds.get();
        Envelope envelope = new Envelope(heloName, client, tx.reversePath, tx.recipients, tx.bodyType,
                tx.smtpUtf8, tx.declaredSize, tx.dsnReturn, tx.envelopeId, authenticatedUser(), tls,
                config.clock().instant(), transactionId);
        byte[] trace = TraceHeaders.build(envelope, config.hostname(), extended, config.addReturnPath());
        try {
            delivering = sink.finish(trace);
        } catch (IOException e) {
            resetTransaction();
            reply(Replies.LOCAL_ERROR);
            return;
        }
        tx.sink = null; // the content now owns the spool file
        state = State.DELIVERING;
        action = Response.Action.DELIVER;
        delivery = new Response.Delivery(envelope, delivering);
    }

    private SmtpReply finalReply(SmtpReply reply, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof RejectException reject) {
            return reject.reply();
        }
        if (cause != null) {
            return Replies.LOCAL_ERROR;
        }
        if (reply == null || reply.code() / 100 == 3) {
            return Replies.queued(transactionId);
        }
        return reply;
    }

    private void startTls(boolean noArgs) {
        if (!noArgs) {
            error(Replies.NO_ARGUMENTS_ALLOWED);
        } else if (tls) {
            error(Replies.TLS_ALREADY_ACTIVE);
        } else if (config.sslContext().isEmpty()) {
            error(Replies.TLS_NOT_AVAILABLE);
        } else {
            resetTransaction();
            reply(Replies.READY_TO_START_TLS);
            state = State.TLS_STARTING;
            action = Response.Action.START_TLS;
        }
    }

    private void auth(String argument) {
        if (sasl == null || !config.authEnabled()) {
            error(Replies.NOT_IMPLEMENTED);
        } else if (state == State.NEED_HELO) {
            error(Replies.SEND_HELLO_FIRST);
        } else if (authenticatedUser != null) {
            error(Replies.ALREADY_AUTHENTICATED);
        } else if (tx != null) {
            error(Replies.AUTH_IN_TRANSACTION);
        } else if (!EhloKeywords.authOffered(config, tls)) {
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
            reply(outcome.reply());
            return;
        }
        state = State.READY;
        auth = null;
        if (outcome.user() != null) {
            authenticatedUser = outcome.user();
            reply(outcome.reply());
        } else if (outcome.failed()) {
            authFailures++;
            throttled = true; // the transport delays this reply to slow down password guessing
            reply(outcome.reply());
            if (authFailures >= config.limits().maxAuthFailures()) {
                reply(Replies.TOO_MANY_AUTH_FAILURES);
                close();
            }
        } else {
            error(outcome.reply());
        }
    }

    /** A reply to a bad command: counts towards the error limit. */
    private void error(SmtpReply reply) {
        reply(reply);
        errors++;
        if (errors >= config.limits().maxErrors() && state != State.CLOSED) {
            reply(Replies.TOO_MANY_ERRORS);
            close();
        }
    }

    private void reply(SmtpReply reply) {
        replies.add(reply);
    }

    private void close() {
        resetTransaction();
        state = State.CLOSED;
        action = Response.Action.CLOSE;
    }

    private void resetTransaction() {
        if (tx != null) {
            tx.discard();
            tx = null;
        }
        data = null;
        chunk = null;
    }

    private Response respond() {
        Response response = new Response(ReplyEncoder.encodeAll(replies, extended), action, delivery, throttled);
        replies = new ArrayList<>();
        action = Response.Action.CONTINUE;
        delivery = null;
        throttled = false;
        return response;
    }
}
