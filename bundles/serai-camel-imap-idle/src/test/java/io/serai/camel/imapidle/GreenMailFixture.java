package io.serai.camel.imapidle;

import java.util.Arrays;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** GreenMail (SMTP + IMAP with IDLE, MOVE, UIDPLUS, XOAUTH2) on free ports of 127.0.0.1, plus client helpers. */
final class GreenMailFixture implements AutoCloseable {

    static final String USER = "bob@example.com";
    static final String PASSWORD = "secret";

    final GreenMail greenMail;

    GreenMailFixture(String password) {
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        greenMail.setUser(USER, USER, password);
    }

    GreenMailFixture() {
        this(PASSWORD);
    }

    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Sends one message over SMTP to GreenMail, from a new connection; returns its Message-ID. */
    String send(String subject) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", Integer.toString(smtpPort()));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("alice@example.com", "Alice Ünal", "UTF-8"));
        message.setRecipients(Message.RecipientType.TO, USER);
        message.setSubject(subject, "UTF-8");
        message.setText("body of " + subject + "\r\n", "UTF-8");
        message.saveChanges();
        Transport.send(message);
        return message.getMessageID();
    }

    /** Number of messages in a folder, seen by a fresh IMAP client. */
    int count(String folderName) throws Exception {
        try (Store store = store()) {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return 0;
            }
            folder.open(Folder.READ_ONLY);
            try {
                return folder.getMessageCount();
            } finally {
                folder.close(false);
            }
        }
    }

    /** The \Seen flag of every message in the folder, in order. */
    boolean[] seen(String folderName) throws Exception {
        try (Store store = store()) {
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            try {
                Message[] messages = folder.getMessages();
                boolean[] seen = new boolean[messages.length];
                for (int i = 0; i < messages.length; i++) {
                    seen[i] = messages[i].isSet(Flags.Flag.SEEN);
                }
                return seen;
            } finally {
                folder.close(false);
            }
        }
    }

    /** Sets \Seen on every message of the folder (as a user reading in another client). */
    void markAllSeen(String folderName) throws Exception {
        try (Store store = store()) {
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_WRITE);
            folder.setFlags(folder.getMessages(), new Flags(Flags.Flag.SEEN), true);
            folder.close(false);
        }
    }

    private Store store() throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.imap.host", "127.0.0.1");
        props.setProperty("mail.imap.port", Integer.toString(imapPort()));
        Store store = Session.getInstance(props).getStore("imap");
        store.connect(USER, PASSWORD);
        return store;
    }

    static String describe(boolean[] flags) {
        return Arrays.toString(flags);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
