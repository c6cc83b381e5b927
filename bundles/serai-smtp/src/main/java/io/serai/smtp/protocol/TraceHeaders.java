package io.serai.smtp.protocol;

import io.serai.smtp.api.Envelope;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * Builds the trace headers the server prepends to each message as bytes (RFC 5321 §4.4): {@code Return-Path:}
 * with the reverse-path, and {@code Received:} with the client, this server, the protocol (RFC 3848 and RFC 6531
 * §3.7.3 "with" values) and the transaction id. Prepending bytes never touches the client's own bytes.
 */
public final class TraceHeaders {

    private TraceHeaders() {
    }

    public static byte[] build(Envelope envelope, String hostname, boolean extended, boolean addReturnPath) {
        StringBuilder sb = new StringBuilder(256);
        if (addReturnPath) {
            sb.append("Return-Path: <").append(envelope.reversePath()).append(">\r\n");
        }
        sb.append("Received: from ").append(envelope.heloName())
                .append(" (").append(addressLiteral(envelope.clientAddress().getAddress())).append(")\r\n")
                .append("\tby ").append(hostname).append(" (Serai) with ").append(protocol(envelope, extended))
                .append(" id ").append(envelope.transactionId());
        // RFC 5321 §7.6: naming the recipient of a multi-recipient message would disclose the others
        if (envelope.recipients().size() == 1) {
            sb.append("\r\n\tfor <").append(envelope.recipients().get(0).address()).append(">");
        }
        sb.append(";\r\n\t");
        // RFC 5322 §3.3 date-time, always in UTC so the header does not depend on the host's zone
        TraceDate.append(sb, envelope.receivedAt()).append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The "with" keyword: SMTP, ESMTP, plus S for TLS and A for AUTH; UTF8SMTP for SMTPUTF8 transactions. */
    static String protocol(Envelope envelope, boolean extended) {
        if (!extended) {
            return "SMTP";
        }
        String base = envelope.smtpUtf8() ? "UTF8SMTP" : "ESMTP";
        String suffix = (envelope.tls() ? "S" : "") + (envelope.authenticatedUser().isPresent() ? "A" : "");
        return base + suffix;
    }

    /** RFC 5321 §4.1.3 address literal: [192.0.2.1] or [IPv6:2001:db8::1]. */
    static String addressLiteral(InetAddress address) {
        if (address instanceof Inet6Address) {
            String text = address.getHostAddress();
            int zone = text.indexOf('%');
            return "[IPv6:" + (zone < 0 ? text : text.substring(0, zone)) + "]";
        }
        return "[" + address.getHostAddress() + "]";
    }
}
