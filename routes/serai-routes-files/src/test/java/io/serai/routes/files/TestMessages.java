package io.serai.routes.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/** Messages built with Angus Mail, as a mail client would send them. */
final class TestMessages {

    private TestMessages() {
    }

    /** A text body plus one attachment per entry of {@code attachments} (name, content). */
    static byte[] withAttachments(String subject, String[][] attachments) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("bob@example.org", "Bob Ü"));
        message.setRecipients(Message.RecipientType.TO, "alice@caravan.test, carol@caravan.test");
        message.setRecipients(Message.RecipientType.CC, "dave@example.org");
        message.setSubject(subject, "UTF-8");
        MimeMultipart mixed = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Twelve camels.\r\n", "UTF-8");
        mixed.addBodyPart(text);
        for (String[] attachment : attachments) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(
                    attachment[1].getBytes(StandardCharsets.UTF_8), "application/octet-stream")));
            part.setFileName(attachment[0]);
            part.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(part);
        }
        message.setContent(mixed);
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
