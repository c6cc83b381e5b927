package io.serai.smtp.protocol;

import io.serai.smtp.api.Envelope;
import io.serai.smtp.api.SmtpReply;
import io.serai.smtp.api.SmtpServerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail transaction part of a session (RFC 5321 §3.3): MAIL, RCPT, then DATA (§4.1.1.4) or BDAT chunks
 * (RFC 3030), the hand-off to the application and its reply. The session decides whether a command may be
 * given at all (greeting, AUTH, TLS); this class handles the transaction's own order and content.
 */
final class MailTransaction {

    /** Where this class sends its replies; {@code error} replies count towards the session's error limit. */
    interface Output {
        void reply(SmtpReply reply);

        void error(SmtpReply reply);

        void deliver(Response.Delivery delivery);
    }

    /** What the session knows about the client, for the envelope and the Received: header. */
    record SessionFacts(String heloName, Optional<String> authenticatedUser, boolean tls, boolean extended) {
    }

    private static final Pattern BDAT_ARGS = Pattern.compile("(\\d{1,18})( +(?i:LAST))? *");

    private final SmtpServerConfig config;
    private final InetSocketAddress client;
    private final SpoolFactory spool;
    private final Supplier<String> transactionIds;
    private final EnvelopeCommands envelopeCommands;
    private final Output out;

    private Transaction tx;
    private DataReceiver data;
    private ChunkReceiver chunk;
    private SpooledContent delivering;
    private String transactionId;

    MailTransaction(SmtpServerConfig config, InetSocketAddress client, SpoolFactory spool,
                    Supplier<String> transactionIds, Output out) {
        this.config = config;
        this.client = client;
        this.spool = spool;
        this.transactionIds = transactionIds;
        this.envelopeCommands = new EnvelopeCommands(config);
        this.out = out;
    }

    boolean active() {
        return tx != null;
    }

    /** How message input is framed now, or null when no message data is expected. */
    InputMode inputMode() {
        if (delivering != null) {
            return InputMode.none();
        }
        if (data != null) {
            return InputMode.lines(config.limits().maxLineLength(), true);
        }
        return chunk != null ? InputMode.chunk(chunk.remaining()) : null;
    }

    /**
     * Whether taking {@code length} more bytes of message data may block (the spool writes to a file past its
     * threshold; finishing such a message closes the file). False when no data is expected.
     */
    boolean inputMayBlock(int length) {
        if ((data == null && chunk == null) || tx == null || tx.sink == null) {
            return false;
        }
        return tx.sink.writeMayBlock(length);
    }

    void mail(String argument) {
        if (tx != null) {
            out.error(Replies.NESTED_MAIL);
            return;
        }
        Transaction fresh = new Transaction();
        SmtpReply reply = envelopeCommands.mail(argument, fresh);
        if (reply.isPositive()) {
            tx = fresh;
            out.reply(reply);
        } else {
            out.error(reply);
        }
    }

    void rcpt(String argument, Optional<String> authenticatedUser) {
        if (tx == null) {
            out.error(Replies.NEED_MAIL);
            return;
        }
        SmtpReply reply = envelopeCommands.rcpt(argument, tx, authenticatedUser);
        if (reply.code() >= 500) {
            out.error(reply);
        } else {
            out.reply(reply);
        }
    }

    void data() {
        SmtpReply refusal = refusal();
        if (refusal == null && tx.chunking) {
            refusal = Replies.DATA_AFTER_BDAT; // RFC 3030 §2: no mixing within one transaction
        }
        if (refusal != null) {
            out.error(refusal);
            return;
        }
        try {
            tx.sink = spool.newSink();
        } catch (IOException e) {
            out.reply(Replies.LOCAL_ERROR);
            return;
        }
        data = new DataReceiver(tx.sink, config.limits().maxMessageSize());
        out.reply(Replies.START_DATA);
    }

    void dataLine(byte[] line, SessionFacts facts) {
        if (data.line(line)) {
            DataReceiver done = data;
            data = null;
            finishMessage(done.problem(), done.sink(), facts);
        }
    }

    void dataLineTooLong() {
        data.lineTooLong();
    }

    void bdat(String argument, SessionFacts facts) {
        Matcher m = BDAT_ARGS.matcher(argument);
        if (!m.matches()) {
            // without a valid size the chunk cannot be skipped; its bytes will be read as (bad) commands
            out.error(Replies.BAD_BDAT_SYNTAX);
            return;
        }
        long size = Long.parseLong(m.group(1));
        SmtpReply failure = refusal();
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
        // a refused chunk is still read in full: the client sends it without waiting (RFC 3030 §2)
        chunk = new ChunkReceiver(failure == null ? tx.sink : null, config.limits().maxMessageSize(), size,
                m.group(2) != null, failure);
        if (size == 0) {
            finishChunk(facts);
        }
    }

    void chunkData(byte[] bytes, int offset, int length, SessionFacts facts) {
        if (chunk == null || length > chunk.remaining()) {
            throw new IllegalStateException("unexpected chunk data");
        }
        try {
            chunk.accept(bytes, offset, length);
        } catch (IOException e) {
            chunk = new ChunkReceiver(null, 0, chunk.remaining() - length, chunk.last(), Replies.LOCAL_ERROR);
        }
        if (chunk.complete()) {
            finishChunk(facts);
        }
    }

    /** The application answered: release the spool and reply, unless the client has gone. */
    void delivered(SmtpReply reply, Throwable failure, boolean clientGone) {
        if (delivering == null) {
            throw new IllegalStateException("no delivery pending");
        }
        delivering.release();
        delivering = null;
        if (!clientGone) {
            out.reply(DeliveryReplies.finalReply(reply, failure, transactionId));
        }
        reset();
    }

    /** RSET, HELO/EHLO, STARTTLS or the end of the session; a pending delivery is released when it completes. */
    void reset() {
        if (tx != null) {
            tx.discard();
            tx = null;
        }
        data = null;
        chunk = null;
    }

    /** Why DATA/BDAT cannot start now, or null (RFC 2920 §3.1 for "no valid recipients"). */
    private SmtpReply refusal() {
        if (tx == null) {
            return Replies.NEED_MAIL;
        }
        return tx.recipients.isEmpty() ? Replies.NO_VALID_RECIPIENTS : null;
    }

    private void finishChunk(SessionFacts facts) {
        ChunkReceiver done = chunk;
        chunk = null;
        if (done.failure() != null) {
            // RFC 3030 §2: a failed chunk fails the transaction; the client must start again with MAIL
            reset();
            out.error(done.failure());
        } else if (done.last()) {
            finishMessage(null, tx.sink, facts);
        } else {
            out.reply(Replies.chunkReceived(done.chunkSize()));
        }
    }

    private void finishMessage(SmtpReply problem, MessageSink sink, SessionFacts facts) {
        if (problem != null) {
            reset();
            out.reply(problem);
            return;
        }
        transactionId = transactionIds.get();
        Envelope envelope = new Envelope(facts.heloName(), client, tx.reversePath, tx.recipients, tx.bodyType,
                tx.smtpUtf8, tx.declaredSize, tx.dsnReturn, tx.envelopeId, facts.authenticatedUser(), facts.tls(),
                config.clock().instant(), transactionId);
        byte[] trace = TraceHeaders.build(envelope, config.hostname(), facts.extended(), config.addReturnPath());
        try {
            delivering = sink.finish(trace);
        } catch (IOException e) {
            reset();
            out.reply(Replies.LOCAL_ERROR);
            return;
        }
        tx.sink = null; // the content now owns the spool file
        out.deliver(new Response.Delivery(envelope, delivering));
    }
}
