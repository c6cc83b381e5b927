package io.serai.routes.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePartDataSource;
import org.junit.jupiter.api.Test;

class DsnReportTest {

    private static final Instant ARRIVAL = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void isAMultipartReportWithOneBlockPerRecipientAndTheOriginalHeader() throws Exception {
        byte[] original = "Subject: camels\r\nMessage-ID: <m1@caravan.test>\r\n\r\nsecret body\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        List<RecipientFailure> failures = List.of(
                RecipientFailure.fromReply("nobody@remote.test", 550, "550 5.1.1 No such user\r\n"),
                RecipientFailure.local("later@remote.test", "Connection refused").expired());

        byte[] report = new DsnReport("mx.caravan.test").build("alice@caravan.test", ARRIVAL, failures,
                new ByteArrayInputStream(original), NOW);

        MimeMessage dsn = new MimeMessage(null, new ByteArrayInputStream(report));
        assertThat(dsn.getContentType()).startsWith("multipart/report; report-type=delivery-status;");
        assertThat(dsn.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(dsn.getHeader("To", null)).isEqualTo("<alice@caravan.test>");
        assertThat(dsn.getHeader("From", null)).isEqualTo("Mail Delivery System <MAILER-DAEMON@mx.caravan.test>");
        MimeMultipart parts = new MimeMultipart(new MimePartDataSource(dsn));
        assertThat(parts.getCount()).isEqualTo(3);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(text(parts, 0)).contains("<nobody@remote.test>: 550 5.1.1 No such user",
                "<later@remote.test>: Connection refused");
        assertThat(parts.getBodyPart(1).getContentType()).isEqualTo("message/delivery-status");
        assertThat(text(parts, 1)).isEqualTo("Reporting-MTA: dns; mx.caravan.test\r\n"
                + "Arrival-Date: Fri, 20 Nov 2026 08:00:00 GMT\r\n"
                + "\r\n"
                + "Final-Recipient: rfc822; nobody@remote.test\r\n"
                + "Action: failed\r\n"
                + "Status: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 No such user\r\n"
                + "Last-Attempt-Date: Wed, 25 Nov 2026 08:00:00 GMT\r\n"
                + "\r\n"
                + "Final-Recipient: rfc822; later@remote.test\r\n"
                + "Action: failed\r\n"
                + "Status: 4.4.7\r\n"
                + "Last-Attempt-Date: Wed, 25 Nov 2026 08:00:00 GMT\r\n");
        assertThat(parts.getBodyPart(2).getContentType()).isEqualTo("text/rfc822-headers");
        assertThat(text(parts, 2)).isEqualTo("Subject: camels\r\nMessage-ID: <m1@caravan.test>\r\n")
                .doesNotContain("secret body");
    }

    @Test
    void theOriginalHeaderIsBounded() throws Exception {
        String big = "X-Filler: " + "y".repeat(1000) + "\r\n";
        byte[] original = (big.repeat(200) + "\r\nbody").getBytes(StandardCharsets.US_ASCII);
        byte[] header = DsnReport.originalHeader(new ByteArrayInputStream(original));
        assertThat(header.length).isLessThanOrEqualTo(DsnReport.MAX_ORIGINAL_HEADER)
                .isGreaterThan(DsnReport.MAX_ORIGINAL_HEADER - big.length());
        assertThat(new String(header, StandardCharsets.US_ASCII)).endsWith("y\r\n");
    }

    @Test
    void theEnhancedCodeComesFromTheReplyWhenItMatchesTheClass() {
        assertThat(RecipientFailure.fromReply("a", 552, "552 5.2.2 Mailbox full").status()).isEqualTo("5.2.2");
        assertThat(RecipientFailure.fromReply("a", 550, "550 Go away").status()).isEqualTo("5.0.0");
        assertThat(RecipientFailure.fromReply("a", 451, "451 4.3.0 Try later").status()).isEqualTo("4.3.0");
        assertThat(RecipientFailure.fromReply("a", 451, "451 5.1.1 inconsistent").status()).isEqualTo("4.0.0");
        assertThat(RecipientFailure.fromReply("a", 451, "x").permanent()).isFalse();
    }

    private static String text(MimeMultipart parts, int i) throws Exception {
        return new String(parts.getBodyPart(i).getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    }
}
