package io.serai.smtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.smtp.api.RecipientValidator;
import io.serai.smtp.api.RejectException;
import io.serai.smtp.api.SmtpReply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtocolEdgeCasesTest {

    @TempDir
    Path spool;

    @Test
    void multiLineRepliesRepeatTheEnhancedCodeOnEveryLine() {
        SmtpReply reply = new SmtpReply(550, "5.7.1", List.of("first", "second"));
        assertThat(new String(ReplyEncoder.encode(reply, true), StandardCharsets.UTF_8))
                .isEqualTo("550-5.7.1 first\r\n550 5.7.1 second\r\n");
        assertThat(new String(ReplyEncoder.encode(reply, false), StandardCharsets.UTF_8))
                .isEqualTo("550-first\r\n550 second\r\n");
    }

    @Test
    void repliesCannotCarryLineBreaksOrMismatchedCodes() {
        assertThatThrownBy(() -> SmtpReply.of(250, "2.0.0", "ok\r\n250 injected"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpReply.of(550, "4.0.0", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RejectException(SmtpReply.of(250, null, "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathParserHandlesQuotedLocalPartsSourceRoutesAndParameters() {
        assertThat(PathParser.parse("FROM:<\"a>b\"@example.org> BODY=8BITMIME  SMTPUTF8", "FROM:"))
                .contains(new PathArguments("\"a>b\"@example.org", Map.of("BODY", "8BITMIME", "SMTPUTF8", "")));
        assertThat(PathParser.parse("to:<@one.example,@two.example:u@example.org>", "TO:"))
                .contains(new PathArguments("u@example.org", Map.of()));
        assertThat(PathParser.parse("FROM:<>", "FROM:")).contains(new PathArguments("", Map.of()));
        assertThat(PathParser.parse("FROM:<a@b>x", "FROM:")).isEmpty();
        assertThat(PathParser.parse("FROM:<a@b> SIZE=1 SIZE=2", "FROM:")).isEmpty();
        assertThat(PathParser.parse("FROM:<a@b> SIZE=", "FROM:")).isEmpty();
        assertThat(PathParser.parse("FROM:<a@b", "FROM:")).isEmpty();
    }

    @Test
    void mailboxSyntax() {
        assertThat(MailboxSyntax.check("a.b+c@example.org")).isEqualTo(MailboxSyntax.Result.VALID);
        assertThat(MailboxSyntax.check("user@[192.0.2.1]")).isEqualTo(MailboxSyntax.Result.VALID);
        assertThat(MailboxSyntax.check("用户@例子.广告")).isEqualTo(MailboxSyntax.Result.NEEDS_SMTPUTF8);
        assertThat(MailboxSyntax.check("a..b@example.org")).isEqualTo(MailboxSyntax.Result.INVALID);
        assertThat(MailboxSyntax.check("x".repeat(65) + "@example.org")).isEqualTo(MailboxSyntax.Result.INVALID);
        assertThat(MailboxSyntax.check("a@-bad.example")).isEqualTo(MailboxSyntax.Result.INVALID);
        assertThat(MailboxSyntax.check("nodomain")).isEqualTo(MailboxSyntax.Result.INVALID);
    }

    /** Found by fuzzing (smtp-path, seed 20261206, input 42128): a 13 KB EHLO domain overflowed the regex's stack. */
    @Test
    void aDomainLongerThan255OctetsIsRefusedWithoutRecursion() {
        String labels = "ab.".repeat(85); // 255 octets: the longest domain RFC 5321 §4.5.3.1.2 allows
        assertThat(MailboxSyntax.isDomainOrLiteral(labels)).isTrue();
        assertThat(MailboxSyntax.isDomainOrLiteral(labels + "c")).isFalse();
        assertThat(MailboxSyntax.isDomainOrLiteral("1" + "-Rmple.o".repeat(1660) + "rg")).isFalse();
    }

    @Test
    void failingRecipientValidatorGivesTransient450() {
        SessionDriver d = new SessionDriver(Fixtures.mta().recipientValidator(a -> {
            throw new IllegalStateException("store down");
        }).build(), false, spool);
        d.ehlo();
        d.send("MAIL FROM:<a@b.example>");
        assertThat(d.send("RCPT TO:<alice@example.org>")).startsWith("450 4.2.1");
        SessionDriver t = new SessionDriver(Fixtures.mta()
                .recipientValidator(a -> RecipientValidator.RecipientStatus.TEMPORARILY_UNAVAILABLE).build(), false, spool);
        t.ehlo();
        t.send("MAIL FROM:<a@b.example>");
        assertThat(t.send("RCPT TO:<alice@example.org>")).startsWith("450 4.2.1");
    }

    @Test
    void droppedConnectionDeletesTheHalfReceivedSpool() {
        SessionDriver d = new SessionDriver(Fixtures.mta().build(), false, spool);
        d.ehlo();
        d.pipeline("MAIL FROM:<a@b.example>", "RCPT TO:<alice@example.org>", "DATA");
        d.send("y".repeat(500));
        assertThat(spool.toFile().list()).hasSize(1);
        d.session.closed();
        assertThat(spool.toFile().list()).isEmpty();
    }

    @Test
    void deliveryCompletingAfterTheClientLeftOnlyReleasesTheSpool() {
        SessionDriver d = new SessionDriver(Fixtures.mta().build(), false, spool);
        d.ehlo();
        d.pipeline("MAIL FROM:<a@b.example>", "RCPT TO:<alice@example.org>", "DATA", "z".repeat(500), ".");
        assertThat(d.last.action()).isEqualTo(Response.Action.DELIVER);
        d.session.closed();
        assertThat(spool.toFile().list()).hasSize(1); // the handler may still be reading it
        d.last = d.session.deliveryCompleted(null, null);
        assertThat(d.text()).isEmpty();
        assertThat(spool.toFile().list()).isEmpty();
    }

    @Test
    void overlongAuthResponseEndsTheExchange() throws Exception {
        SessionDriver d = new SessionDriver(Fixtures.submission().build(), true, spool);
        d.ehlo();
        d.send("AUTH LOGIN");
        d.last = d.session.onLineTooLong();
        assertThat(d.text()).isEqualTo("500 5.5.6 Line too long\r\n");
        assertThat(d.send("NOOP")).isEqualTo("250 2.0.0 OK\r\n");
    }
}
