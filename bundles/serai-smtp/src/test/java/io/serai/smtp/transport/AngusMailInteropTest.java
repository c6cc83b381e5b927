package io.serai.smtp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.smtp.api.ListenerKind;
import io.serai.smtp.api.RejectException;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.eclipse.angus.mail.util.CRLFOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Angus Mail (the Jakarta Mail implementation) sending to our server: plain, STARTTLS, AUTH, implicit TLS. */
class AngusMailInteropTest {

    private static TestTls tls;

    @TempDir
    Path spool;
    private ServerFixture fixture;

    @BeforeAll
    static void certificate() throws Exception {
        tls = new TestTls();
    }

    @BeforeEach
    void setUp() {
        fixture = new ServerFixture(spool);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private Session session(String protocol, InetSocketAddress server, Properties extra) {
        Properties props = new Properties();
        String p = "mail." + protocol + ".";
        props.put(p + "host", server.getHostString());
        props.put(p + "port", String.valueOf(server.getPort()));
        props.put(p + "localhost", "client.example"); // no DNS look-up of our own name
        props.put(p + "connectiontimeout", "5000");
        props.put(p + "timeout", "10000");
        props.put(p + "ssl.socketFactory", tls.client.getSocketFactory());
        props.putAll(extra);
        return Session.getInstance(props); // never the static default session
    }

    private static MimeMessage textMessage(Session session) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom("sender@remote.example");
        message.setRecipients(Message.RecipientType.TO, "alice@example.org");
        message.setSubject("Grüße");
        message.setText("Hello Alice,\r\n.a line starting with a dot\r\n.\r\nend\r\n", "UTF-8");
        message.saveChanges();
        return message;
    }

    /** What the server must have received: the message as Angus writes it to the wire, dots unstuffed. */
    private static byte[] wireBytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CRLFOutputStream crlf = new CRLFOutputStream(out)) {
            message.writeTo(crlf);
        }
        byte[] bytes = out.toByteArray();
        boolean endsWithCrlf = bytes.length >= 2 && bytes[bytes.length - 2] == '\r' && bytes[bytes.length - 1] == '\n';
        return endsWithCrlf ? bytes : (out.toString(StandardCharsets.ISO_8859_1) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void send(Session session, String protocol, MimeMessage message, String user, String password)
            throws MessagingException {
        try (Transport transport = session.getTransport(protocol)) {
            if (user == null) {
                transport.connect();
            } else {
                transport.connect(user, password);
            }
            // sendMessage, not Transport.send: send() would call saveChanges() again and change Message-ID
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /** The received content is the trace headers followed by exactly the bytes Angus sent. */
    private RecordingHandler.Received assertReceivedByteIdentical(MimeMessage sent) throws Exception {
        RecordingHandler.Received received = fixture.handler.received.take();
        byte[] expected = wireBytes(sent);
        byte[] content = received.content();
        int traceLength = content.length - expected.length;
        assertThat(traceLength).isPositive();
        assertThat(Arrays.copyOfRange(content, traceLength, content.length)).isEqualTo(expected);
        String trace = new String(content, 0, traceLength, StandardCharsets.UTF_8);
        assertThat(trace).startsWith("Return-Path: <sender@remote.example>\r\nReceived: from client.example ([127.0.0.1])\r\n")
                .endsWith(" +0000\r\n");
        return received;
    }

    @Test
    void plainTextOverMta() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.MTA);
        Session session = session("smtp", address, new Properties());
        MimeMessage message = textMessage(session);
        send(session, "smtp", message, null, null);
        assertReceivedByteIdentical(message);
    }

    @Test
    void multipartWithBinaryAttachmentOverStartTls() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.MTA, b -> b.sslContext(tls.server));
        Properties props = new Properties();
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        Session session = session("smtp", address, props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom("sender@remote.example");
        message.setRecipients(Message.RecipientType.TO, "bob@example.org");
        message.setSubject("attachment");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("See attached.\r\n", "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        byte[] binary = new byte[50_000];
        new Random(42).nextBytes(binary);
        attachment.setDataHandler(new jakarta.activation.DataHandler(
                new ByteArrayDataSource(binary, "application/octet-stream")));
        attachment.setFileName("random.bin");
        message.setContent(new MimeMultipart(text, attachment));
        message.saveChanges();
        send(session, "smtp", message, null, null);
        assertThat(assertReceivedByteIdentical(message).envelope().tls()).isTrue();
        assertThat(fixture.handler.received).isEmpty();
    }

    @Test
    void authPlainAndLoginOverStartTlsSubmission() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.SUBMISSION, b -> b.sslContext(tls.server));
        for (String mechanism : new String[] {"PLAIN", "LOGIN"}) {
            Properties props = new Properties();
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
            props.put("mail.smtp.auth", "true");
            props.put("mail.smtp.auth.mechanisms", mechanism);
            Session session = session("smtp", address, props);
            MimeMessage message = textMessage(session);
            message.setRecipients(Message.RecipientType.TO, "friend@elsewhere.example");
            message.saveChanges();
            send(session, "smtp", message, "alice@example.org", "secret");
            RecordingHandler.Received received = assertReceivedByteIdentical(message);
            assertThat(received.envelope().authenticatedUser()).contains("alice@example.org");
            assertThat(received.envelope().tls()).isTrue();
        }
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.SUBMISSIONS, b -> b.sslContext(tls.server)
                .limits(io.serai.smtp.api.Limits.defaults().withAuthFailures(3, java.time.Duration.ZERO)));
        Properties props = new Properties();
        props.put("mail.smtps.auth", "true");
        Session session = session("smtps", address, props);
        assertThatThrownBy(() -> send(session, "smtps", textMessage(session), "alice@example.org", "wrong"))
                .isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
    }

    @Test
    void implicitTlsWithAuth() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.SUBMISSIONS, b -> b.sslContext(tls.server));
        Properties props = new Properties();
        props.put("mail.smtps.auth", "true");
        Session session = session("smtps", address, props);
        MimeMessage message = textMessage(session);
        send(session, "smtps", message, "alice@example.org", "secret");
        assertReceivedByteIdentical(message);
    }

    @Test
    void handlerRejectionReachesTheClient() throws Exception {
        fixture.handler.answerWith(r -> CompletableFuture.failedFuture(RejectException.permanent("not wanted")));
        InetSocketAddress address = fixture.start(ListenerKind.MTA);
        Session session = session("smtp", address, new Properties());
        assertThatThrownBy(() -> send(session, "smtp", textMessage(session), null, null))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("554 5.6.0 not wanted");
    }

    @Test
    void unknownRecipientIsRefusedAtRcpt() throws Exception {
        InetSocketAddress address = fixture.start(ListenerKind.MTA);
        Session session = session("smtp", address, new Properties());
        MimeMessage message = textMessage(session);
        message.setRecipients(Message.RecipientType.TO, new Address[] {new InternetAddress("nobody@example.org")});
        message.saveChanges();
        assertThatThrownBy(() -> send(session, "smtp", message, null, null))
                .isInstanceOf(jakarta.mail.SendFailedException.class)
                .satisfies(e -> assertThat(((jakarta.mail.SendFailedException) e).getInvalidAddresses()).hasSize(1));
        assertThat(fixture.handler.received).isEmpty();
    }
}
