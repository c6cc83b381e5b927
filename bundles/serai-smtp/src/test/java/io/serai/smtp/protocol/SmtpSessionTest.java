package io.serai.smtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.smtp.api.BodyType;
import io.serai.smtp.api.Envelope;
import io.serai.smtp.api.Recipient;
import io.serai.smtp.api.RejectException;
import io.serai.smtp.api.SmtpReply;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RFC 5321 state machine, byte for byte: happy paths and every out-of-order or malformed input. */
class SmtpSessionTest {

    @TempDir
    Path spool;

    private SessionDriver mta() {
        return new SessionDriver(Fixtures.mta().build(), false, spool);
    }

    @Test
    void greetingAndEhloAdvertiseTheExtensions() {
        SessionDriver d = mta();
        assertThat(d.text()).isEqualTo("220 mx.example.org ESMTP Serai\r\n");
        assertThat(d.ehlo()).isEqualTo("250-mx.example.org greets client.example\r\n"
                + "250-PIPELINING\r\n"
                + "250-SIZE 10000\r\n"
                + "250-8BITMIME\r\n"
                + "250-ENHANCEDSTATUSCODES\r\n"
                + "250-SMTPUTF8\r\n"
                + "250-CHUNKING\r\n"
                + "250 DSN\r\n");
    }

    @Test
    void completeTransactionWithDotStuffingAndTraceHeaders() {
        SessionDriver d = mta();
        d.ehlo();
        assertThat(d.pipeline("MAIL FROM:<sender@remote.example> SIZE=100", "RCPT TO:<alice@example.org>", "DATA"))
                .isEqualTo("250 2.1.0 Sender OK\r\n250 2.1.5 Recipient OK\r\n354 End data with <CR><LF>.<CR><LF>\r\n");
        d.send("Subject: dots");
        d.send("");
        d.send("..leading dot doubled by the client");
        d.send(".");
        assertThat(d.text()).isEmpty();
        assertThat(d.deliveredContent()).isEqualTo("Return-Path: <sender@remote.example>\r\n"
                + "Received: from client.example ([192.0.2.7])\r\n"
                + "\tby mx.example.org (Serai) with ESMTP id TX1\r\n"
                + "\tfor <alice@example.org>;\r\n"
                + "\tThu, 26 Nov 2026 10:00:00 +0000\r\n"
                + "Subject: dots\r\n\r\n.leading dot doubled by the client\r\n");
        Envelope envelope = d.last.delivery().envelope();
        assertThat(envelope.reversePath()).isEqualTo("sender@remote.example");
        assertThat(envelope.recipients()).containsExactly(Recipient.of("alice@example.org"));
        assertThat(envelope.declaredSize()).hasValue(100);
        assertThat(d.session.inputMode()).isEqualTo(InputMode.none());
        d.last = d.session.deliveryCompleted(null, null);
        assertThat(d.text()).isEqualTo("250 2.0.0 OK queued as TX1\r\n");
        assertThat(d.send("MAIL FROM:<>")).isEqualTo("250 2.1.0 Sender OK\r\n");
    }

    @Test
    void heloSessionGetsNoEnhancedCodesAndSmtpInReceived() {
        SessionDriver d = mta();
        assertThat(d.send("HELO client.example")).isEqualTo("250 mx.example.org greets client.example\r\n");
        assertThat(d.send("MAIL FROM:<a@b.example>")).isEqualTo("250 Sender OK\r\n");
        d.send("RCPT TO:<bob@example.org>");
        d.send("DATA");
        d.send("x");
        d.send(".");
        assertThat(d.deliveredContent()).contains("with SMTP id TX1");
    }

    @Test
    void outOfOrderCommandsGet503() {
        SessionDriver d = mta();
        assertThat(d.send("MAIL FROM:<a@b.example>")).isEqualTo("503 Send EHLO or HELO first\r\n");
        d.ehlo();
        assertThat(d.send("RCPT TO:<alice@example.org>")).isEqualTo("503 5.5.1 Need MAIL command first\r\n");
        assertThat(d.send("DATA")).isEqualTo("503 5.5.1 Need MAIL command first\r\n");
        d.send("MAIL FROM:<a@b.example>");
        assertThat(d.send("MAIL FROM:<a@b.example>")).isEqualTo("503 5.5.1 Sender already specified\r\n");
        // RFC 2920 §3.1: DATA after only failed RCPTs; this fifth error also reaches the limit of the fixture
        assertThat(d.send("DATA")).isEqualTo("554 5.5.1 No valid recipients\r\n"
                + "421 4.7.0 Too many errors, closing connection\r\n");
    }

    @Test
    void unknownMalformedAndOverlongCommands() {
        SessionDriver d = mta();
        d.ehlo();
        assertThat(d.send("FOO")).isEqualTo("500 5.5.1 Command unrecognized\r\n");
        assertThat(d.send(new byte[] {'N', 'O', 'O', 'P', (byte) 0xC3})).isEqualTo("500 5.5.2 Syntax error: invalid UTF-8\r\n");
        assertThat(d.send("NOOP\nQUIT")).startsWith("500 5.5.2 Bare CR or LF in command");
        assertThat(d.send("NOOP " + "x".repeat(SmtpSession.MAX_COMMAND_LINE))).isEqualTo("500 5.5.6 Line too long\r\n");
        d.last = d.session.onLineTooLong();
        assertThat(d.text()).isEqualTo("500 5.5.6 Line too long\r\n421 4.7.0 Too many errors, closing connection\r\n");
        assertThat(d.last.action()).isEqualTo(Response.Action.CLOSE);
    }

    @Test
    void argumentErrors() {
        SessionDriver d = mta();
        assertThat(d.send("EHLO")).isEqualTo("501 Syntax error: domain or address literal expected\r\n");
        assertThat(d.send("EHLO [192.0.2.7]")).startsWith("250-mx.example.org greets [192.0.2.7]\r\n");
        assertThat(d.send("RSET now")).isEqualTo("501 5.5.4 Syntax error: no arguments allowed\r\n");
        assertThat(d.send("MAIL FROM:a@b.example")).isEqualTo("501 5.5.4 Syntax error: MAIL FROM:<reverse-path>\r\n");
        assertThat(d.send("MAIL FROM:<a@@b>")).isEqualTo("501 5.1.7 Bad sender address syntax\r\n");
    }

    @Test
    void mailParameters() {
        SessionDriver d = mta();
        d.ehlo();
        assertThat(d.send("MAIL FROM:<a@b.example> FOO=BAR")).startsWith("555 5.5.4");
        assertThat(d.send("MAIL FROM:<a@b.example> SIZE=10001")).startsWith("552 5.3.4");
        assertThat(d.send("MAIL FROM:<a@b.example> SIZE=ten")).startsWith("501 5.5.4");
        assertThat(d.send("MAIL FROM:<a@b.example> BODY=BINARYMIME")).startsWith("555 5.5.4");
        assertThat(d.send("MAIL FROM:<jörg@b.example>")).startsWith("553 5.6.7");
    }

    @Test
    void dsnUtf8AndBodyParametersAreCarriedInTheEnvelope() {
        SessionDriver d = mta();
        d.ehlo();
        assertThat(d.send("MAIL FROM: <jörg@b.example> BODY=8BITMIME SMTPUTF8 RET=HDRS ENVID=QQ+2B314159"))
                .isEqualTo("250 2.1.0 Sender OK\r\n");
        assertThat(d.send("RCPT TO:<alice@example.org> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;alice@example.org"))
                .isEqualTo("250 2.1.5 Recipient OK\r\n");
        assertThat(d.send("RCPT TO:<bob@example.org> NOTIFY=NEVER,SUCCESS")).startsWith("501 5.5.4");
        d.send("DATA");
        d.send("Subject: ünïcödé");
        d.send(".");
        Envelope e = d.last.delivery().envelope();
        assertThat(e.bodyType()).isEqualTo(BodyType.EIGHT_BIT_MIME);
        assertThat(e.smtpUtf8()).isTrue();
        assertThat(e.dsnReturn()).contains(Envelope.DsnReturn.HDRS);
        assertThat(e.dsnEnvelopeId()).contains("QQ+2B314159");
        assertThat(e.recipients()).containsExactly(new Recipient("alice@example.org",
                Set.of(Recipient.DsnNotify.SUCCESS, Recipient.DsnNotify.FAILURE), Optional.of("rfc822;alice@example.org")));
        assertThat(d.deliveredContent()).contains("with UTF8SMTP id TX1").endsWith("Subject: ünïcödé\r\n");
    }

    @Test
    void recipientsUnknownRelayAndLimit() {
        SessionDriver d = mta();
        d.ehlo();
        d.send("MAIL FROM:<a@b.example>");
        assertThat(d.send("RCPT TO:<nobody@example.org>")).isEqualTo("550 5.1.1 Mailbox unknown\r\n");
        assertThat(d.send("RCPT TO:<victim@elsewhere.example>")).isEqualTo("550 5.7.1 Relay access denied\r\n");
        assertThat(d.send("RCPT TO:<Postmaster>")).isEqualTo("250 2.1.5 Recipient OK\r\n");
        assertThat(d.send("RCPT TO:<@relay.example:alice@EXAMPLE.org>")).isEqualTo("250 2.1.5 Recipient OK\r\n");
        d.send("RCPT TO:<bob@example.org>");
        assertThat(d.send("RCPT TO:<bob@example.org>")).isEqualTo("452 4.5.3 Too many recipients\r\n");
        assertThat(d.send("RCPT TO:bob@example.org")).startsWith("501 5.5.4");
    }

    @Test
    void bareLineFeedInDataRejectsTheMessageAndIsNeverATerminator() {
        SessionDriver d = mta();
        d.ehlo();
        d.pipeline("MAIL FROM:<a@b.example>", "RCPT TO:<alice@example.org>", "DATA");
        d.send("Subject: smuggle");
        // "<LF>.<LF>" and "<LF>.<CR><LF>" inside a line must not end the data (RFC 5321 §2.3.8, §4.1.1.4)
        assertThat(d.send("text\n.\nMAIL FROM:<evil@b.example>")).isEmpty();
        assertThat(d.send("more\n.")).isEmpty();
        assertThat(d.send(".")).isEqualTo(
                "554 5.6.0 Message rejected: bare CR or LF; lines must end with CRLF (RFC 5321 2.3.8)\r\n");
        assertThat(d.last.action()).isEqualTo(Response.Action.CONTINUE);
        assertThat(d.send("RCPT TO:<alice@example.org>")).startsWith("503");
    }

    @Test
    void oversizedMessageAndOverlongDataLine() {
        SessionDriver d = mta();
        d.ehlo();
        d.pipeline("MAIL FROM:<a@b.example>", "RCPT TO:<alice@example.org>", "DATA");
        for (int i = 0; i < 20; i++) {
            d.send("x".repeat(900));
        }
        assertThat(d.send(".")).isEqualTo("552 5.3.4 Message size exceeds fixed maximum message size\r\n");
        d.pipeline("MAIL FROM:<a@b.example>", "RCPT TO:<alice@example.org>", "DATA");
        assertThat(d.session.inputMode()).isEqualTo(InputMode.lines(1000, true));
        d.last = d.session.onLineTooLong();
        assertThat(d.send(".")).startsWith("554 5.6.0 Message rejected: line longer than allowed");
    }

    @Test
    void largeMessageSpillsToTheSpoolFileAndIsReleased() {
        SessionDriver d = mta();
        d.ehlo();
        d.pipeline("MAIL FROM:<a@b.example>", "RCPT TO:<alice@example.org>", "DATA");
        d.send("x".repeat(500));
        d.send(".");
        assertThat(d.last.delivery().content().spooled()).isTrue();
        assertThat(spool.toFile().list()).hasSize(1);
        assertThat(d.deliveredContent()).endsWith("x".repeat(500) + "\r\n");
        d.session.deliveryCompleted(null, null);
        assertThat(spool.toFile().list()).isEmpty();
    }

    @Test
    void handlerOutcomesMapToReplies() {
        SessionDriver d = mta();
        d.ehlo();
        String[] expected = {
            "554 5.6.0 no thanks\r\n",
            "451 4.3.0 Local error in processing\r\n",
            "451 4.3.0 Local error in processing\r\n",
            "250 2.6.0 custom\r\n"};
        Object[][] outcomes = {
            {null, new CompletionException(RejectException.permanent("no thanks"))},
            {null, new IllegalStateException("route failed")},
            {SmtpReply.of(451, "4.3.0", "Local error in processing"), null},
            {SmtpReply.of(250, "2.6.0", "custom"), null}};
        for (int i = 0; i < expected.length; i++) {
            d.pipeline("MAIL FROM:<a@b.example>", "RCPT TO:<alice@example.org>", "DATA", "x", ".");
            assertThat(d.last.action()).isEqualTo(Response.Action.DELIVER);
            d.last = d.session.deliveryCompleted((SmtpReply) outcomes[i][0], (Throwable) outcomes[i][1]);
            assertThat(d.text()).isEqualTo(expected[i]);
        }
    }

    @Test
    void tooManyErrorsCloseTheSession() {
        SessionDriver d = mta();
        for (int i = 0; i < 4; i++) {
            d.send("BOGUS");
            assertThat(d.last.action()).isEqualTo(Response.Action.CONTINUE);
        }
        assertThat(d.send("BOGUS")).isEqualTo("500 Command unrecognized\r\n421 Too many errors, closing connection\r\n");
        assertThat(d.last.action()).isEqualTo(Response.Action.CLOSE);
    }

    @Test
    void simpleCommands() {
        SessionDriver d = mta();
        d.ehlo();
        assertThat(d.send("NOOP anything")).isEqualTo("250 2.0.0 OK\r\n");
        assertThat(d.send("VRFY alice")).startsWith("252 2.5.0");
        assertThat(d.send("VRFY")).startsWith("501 5.5.4");
        assertThat(d.send("EXPN list")).isEqualTo("502 5.5.1 Command not implemented\r\n");
        assertThat(d.send("HELP")).startsWith("214 2.0.0");
        assertThat(d.send("STARTTLS")).isEqualTo("454 4.7.0 TLS not available\r\n");
        assertThat(d.send("AUTH PLAIN")).isEqualTo("502 5.5.1 Command not implemented\r\n");
        assertThat(d.send("quit")).isEqualTo("221 2.0.0 mx.example.org closing connection\r\n");
        assertThat(d.last.action()).isEqualTo(Response.Action.CLOSE);
    }

    @Test
    void timeoutAndShutdownReplies() {
        SessionDriver d = mta();
        d.last = d.session.timeout();
        assertThat(d.text()).isEqualTo("421 mx.example.org timeout waiting for input, closing connection\r\n");
        assertThat(d.last.action()).isEqualTo(Response.Action.CLOSE);
        SessionDriver other = mta();
        other.ehlo();
        other.last = other.session.shutdown();
        assertThat(other.text()).startsWith("421 4.3.2 ");
    }

    @Test
    void declaredSizeIsOptional() {
        SessionDriver d = mta();
        d.ehlo();
        d.pipeline("MAIL FROM:<a@b.example>", "RCPT TO:<alice@example.org>", "DATA", ".");
        assertThat(d.last.delivery().envelope().declaredSize()).isEqualTo(OptionalLong.empty());
        assertThat(d.deliveredContent()).endsWith("+0000\r\n");
    }
}
