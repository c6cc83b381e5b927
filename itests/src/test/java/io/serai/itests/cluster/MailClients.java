package io.serai.itests.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** The real clients the cluster tests drive: Angus Mail sessions and a line-based socket for raw protocol checks. */
final class MailClients {

    private MailClients() {
    }

    /** SMTP to an MTA listener (no TLS, no AUTH). */
    static Session smtp(int port) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "30000");
        return Session.getInstance(p);
    }

    /** SMTP submission: STARTTLS (the distribution's self-signed certificate is trusted) then AUTH. */
    static Session submission(int port) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.trust", "127.0.0.1");
        p.put("mail.smtp.ssl.checkserveridentity", "false");
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "30000");
        return Session.getInstance(p);
    }

    /** IMAP with STARTTLS, as a mail client would connect. */
    static Session imap(int port) {
        Properties p = new Properties();
        p.put("mail.imap.host", "127.0.0.1");
        p.put("mail.imap.port", Integer.toString(port));
        p.put("mail.imap.starttls.enable", "true");
        p.put("mail.imap.starttls.required", "true");
        p.put("mail.imap.ssl.trust", "127.0.0.1");
        p.put("mail.imap.ssl.checkserveridentity", "false");
        p.put("mail.imap.connectiontimeout", "10000");
        p.put("mail.imap.timeout", "60000");
        return Session.getInstance(p);
    }

    /** A message with a unique Message-ID (the key the tests count by) and a body of about {@code size} octets. */
    static MimeMessage message(Session session, String from, String to, String id, int size) throws Exception {
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<" + id + "@cluster.test>");
            }
        };
        m.setFrom(from);
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
        m.setSubject("cluster " + id);
        StringBuilder body = new StringBuilder(size + 80);
        while (body.length() < size) {
            body.append(id).append(" the caravan moves on; ").append(body.length()).append("\r\n");
        }
        m.setText(body.toString(), "US-ASCII");
        m.saveChanges();
        return m;
    }

    /** A plain-text protocol connection (POP3, IMAP before STARTTLS) read line by line. */
    static final class LineSocket implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        LineSocket(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(30_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = socket.getOutputStream();
        }

        String readLine() throws IOException {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed");
            }
            return line;
        }

        /** Sends a line and returns the first line of the reply. */
        String send(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readLine();
        }

        /** Sends an IMAP command and returns every line up to and including its tagged reply. */
        String command(String tag, String command) throws IOException {
            StringBuilder reply = new StringBuilder();
            String line = send(tag + " " + command);
            while (true) {
                reply.append(line).append('\n');
                if (line.startsWith(tag + " ")) {
                    return reply.toString();
                }
                line = readLine();
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
