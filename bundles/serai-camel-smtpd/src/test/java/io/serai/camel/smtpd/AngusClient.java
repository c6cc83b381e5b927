package io.serai.camel.smtpd;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/** Angus Mail (Jakarta Mail) as the SMTP client of the tests; one Session per client, never the default one. */
final class AngusClient {

    final Session session;

    AngusClient(InetSocketAddress server, Properties extra) {
        Properties props = new Properties();
        props.put("mail.smtp.host", server.getHostString());
        props.put("mail.smtp.port", String.valueOf(server.getPort()));
        props.put("mail.smtp.localhost", "client.example"); // no DNS look-up of our own name
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "10000");
        props.putAll(extra);
        session = Session.getInstance(props);
    }

    AngusClient(InetSocketAddress server) {
        this(server, new Properties());
    }

    /** A message parsed from exact bytes, so what goes on the wire is {@code raw} itself (CRLF, no re-encoding). */
    MimeMessage message(String raw) throws MessagingException {
        return new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Sends with {@code sendMessage}, not {@code Transport.send}, which would call saveChanges() and rewrite
     * headers. Returns the last reply of the server (the reply to the end of data).
     */
    String send(MimeMessage message, String... recipients) throws MessagingException {
        InternetAddress[] to = new InternetAddress[recipients.length];
        for (int i = 0; i < recipients.length; i++) {
            to[i] = new InternetAddress(recipients[i]);
        }
        try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, to);
            return transport.getLastServerResponse().strip();
        }
    }

    /** Sends with AUTH as {@code user}. */
    String send(String user, String password, MimeMessage message, String... recipients) throws MessagingException {
        InternetAddress[] to = new InternetAddress[recipients.length];
        for (int i = 0; i < recipients.length; i++) {
            to[i] = new InternetAddress(recipients[i]);
        }
        try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
            transport.connect(user, password);
            transport.sendMessage(message, to);
            return transport.getLastServerResponse().strip();
        }
    }
}
