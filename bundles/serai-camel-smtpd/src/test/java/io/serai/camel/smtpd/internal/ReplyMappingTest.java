package io.serai.camel.smtpd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.smtp.api.RejectException;
import io.serai.smtp.api.SmtpReply;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The route outcome → reply table: never a 2xx for a failed exchange, anything doubtful a 4xx. */
class ReplyMappingTest {

    private static final IllegalStateException BOOM = new IllegalStateException("boom");

    @Test
    void successWithoutHeaderIsTheServerDefault250() {
        assertThat(ReplyMapping.reply(null, false, null)).isNull();
    }

    @Test
    void successWithAHeaderSendsIt() {
        assertThat(ReplyMapping.reply(null, false, "250 2.0.0 Stored")).isEqualTo(SmtpReply.of(250, "2.0.0", "Stored"));
        assertThat(ReplyMapping.reply(null, false, "550 5.7.1 Spam")).isEqualTo(SmtpReply.of(550, "5.7.1", "Spam"));
        SmtpReply later = SmtpReply.of(452, "4.2.2", "Mailbox full");
        assertThat(ReplyMapping.reply(null, false, later)).isSameAs(later);
    }

    @Test
    void failureIsATemporaryLocalError() {
        assertThat(ReplyMapping.reply(BOOM, false, null)).isEqualTo(SmtpReply.of(451, "4.3.0", "Local error in processing"));
    }

    @Test
    void rollbackOnlyWithoutExceptionIsAFailure() {
        assertThat(ReplyMapping.reply(null, true, null)).isEqualTo(ReplyMapping.LOCAL_ERROR);
    }

    @Test
    void failureNeverSendsAPositiveHeader() {
        assertThat(ReplyMapping.reply(BOOM, false, "250 2.0.0 Stored")).isEqualTo(ReplyMapping.LOCAL_ERROR);
        assertThat(ReplyMapping.reply(null, true, SmtpReply.of(250, null, "OK"))).isEqualTo(ReplyMapping.LOCAL_ERROR);
    }

    @Test
    void failureSendsANegativeHeader() {
        assertThat(ReplyMapping.reply(BOOM, false, "554 5.7.0 Virus found")).isEqualTo(SmtpReply.of(554, "5.7.0", "Virus found"));
    }

    @Test
    void rejectExceptionWinsEvenWrappedByCamel() {
        RejectException reject = RejectException.permanent("no");
        assertThat(ReplyMapping.reply(reject, false, null)).isEqualTo(SmtpReply.of(554, "5.6.0", "no"));
        assertThat(ReplyMapping.reply(new RuntimeCamelException(reject), false, "451 4.3.0 other"))
                .isEqualTo(reject.reply());
        assertThat(ReplyMapping.reply(RejectException.temporary("later"), false, null).code()).isEqualTo(451);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "OK", "354 Go ahead", "25O", "550 4.1.1 class mismatch", "650 x", "250-multi"})
    void unparsableHeaderIsATemporaryErrorWhateverTheOutcome(String header) {
        assertThat(ReplyMapping.reply(null, false, header)).isEqualTo(ReplyMapping.LOCAL_ERROR);
        assertThat(ReplyMapping.reply(BOOM, false, header)).isEqualTo(ReplyMapping.LOCAL_ERROR);
    }

    @Test
    void headerParsing() {
        assertThat(ReplyHeader.parse(null)).isNull();
        assertThat(ReplyHeader.parse("451 Try later")).isEqualTo(SmtpReply.of(451, null, "Try later"));
        assertThat(ReplyHeader.parse(" 250 ")).isEqualTo(SmtpReply.of(250, null, "OK"));
        assertThat(ReplyHeader.parse("550 5.1.1")).isEqualTo(SmtpReply.of(550, "5.1.1", "Rejected"));
        assertThatThrownBy(() -> ReplyHeader.parse("250 OK\r\n250 injected")).isInstanceOf(IllegalArgumentException.class);
    }
}
