package io.serai.routes.relay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * A delivery status notification (RFC 3464): a {@code multipart/report; report-type=delivery-status} (RFC 6522)
 * with a text part for people, the {@code message/delivery-status} part with one per-recipient block per failed
 * recipient, and the original header as {@code text/rfc822-headers}. It is sent with the null reverse-path and
 * {@code Auto-Submitted: auto-replied} (RFC 3834 §5), so that it is never bounced or auto-answered in turn.
 */
final class DsnReport {

    /** The original header is returned up to this many octets; the rest is cut at a line end. */
    static final int MAX_ORIGINAL_HEADER = 64 * 1024;

    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final String reportingMta;

    DsnReport(String reportingMta) {
        this.reportingMta = reportingMta;
    }

    byte[] build(String sender, Instant arrival, List<RecipientFailure> failures, InputStream original, Instant now)
            throws IOException {
        String boundary = "=_serai_dsn_" + UUID.randomUUID();
        StringBuilder head = new StringBuilder()
                .append("From: Mail Delivery System <MAILER-DAEMON@").append(reportingMta).append(">\r\n")
                .append("To: <").append(sender).append(">\r\n")
                .append("Subject: Undelivered Mail Returned to Sender\r\n")
                .append("Date: ").append(DATE.format(now)).append("\r\n")
                .append("Message-ID: <").append(UUID.randomUUID()).append("@").append(reportingMta).append(">\r\n")
                .append("Auto-Submitted: auto-replied\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"")
                .append(boundary).append("\"\r\n\r\n")
                .append("This is a delivery status notification (RFC 3464).\r\n\r\n")
                .append("--").append(boundary).append("\r\n")
                .append("Content-Type: text/plain; charset=us-ascii\r\n\r\n")
                .append("This is the mail system at ").append(reportingMta).append(".\r\n\r\n")
                .append("Your message could not be delivered to the following recipients:\r\n\r\n");
        for (RecipientFailure f : failures) {
            head.append("  <").append(ascii(f.recipient())).append(">: ").append(ascii(f.diagnostic()))
                    .append("\r\n");
        }
        head.append("\r\n--").append(boundary).append("\r\n")
                .append("Content-Type: message/delivery-status\r\n\r\n")
                .append("Reporting-MTA: dns; ").append(reportingMta).append("\r\n")
                .append("Arrival-Date: ").append(DATE.format(arrival)).append("\r\n");
        for (RecipientFailure f : failures) {
            head.append("\r\n")
                    .append("Final-Recipient: rfc822; ").append(ascii(f.recipient())).append("\r\n")
                    .append("Action: failed\r\n")
                    .append("Status: ").append(f.status()).append("\r\n");
            if (f.smtpReply()) {
                head.append("Diagnostic-Code: smtp; ").append(ascii(f.diagnostic())).append("\r\n");
            }
            head.append("Last-Attempt-Date: ").append(DATE.format(now)).append("\r\n");
        }
        head.append("\r\n--").append(boundary).append("\r\n")
                .append("Content-Type: text/rfc822-headers\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(originalHeader(original));
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The header of the original, as bytes, up to its blank line (exclusive) and at most the limit. */
    static byte[] originalHeader(InputStream in) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            line.write(b);
            if (b == '\n') {
                if (line.size() <= 2 && (line.size() == 1 || line.toByteArray()[0] == '\r')) {
                    break; // the blank line that ends the header
                }
                if (header.size() + line.size() > MAX_ORIGINAL_HEADER) {
                    break;
                }
                line.writeTo(header);
                line.reset();
            }
        }
        return header.toByteArray();
    }

    /** Header-safe text: one line, printable US-ASCII, bounded. */
    private static String ascii(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : (text == null ? "" : text).toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? c : ' ');
            if (out.length() >= 400) {
                break;
            }
        }
        return out.toString().strip();
    }
}
