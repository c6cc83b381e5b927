package io.serai.routes.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import io.serai.camel.mailbox.mime.MessageParts;
import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.embedded.EmbeddedStoreConfig;
import io.serai.store.embedded.EmbeddedStores;
import io.serai.store.embedded.FsyncPolicy;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcRouteTest {

    private static final String ALICE = "alice@caravan.test";

    @TempDir
    Path dir;

    private MailStore store;
    private JdbcDataSource h2;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStores.open(EmbeddedStoreConfig.defaults(dir.resolve("store")).withFsync(FsyncPolicy.NEVER));
        store.accounts().addDomain("caravan.test");
        store.accounts().createAccount(ALICE, "s3cret".toCharArray());
        store.mailboxes(ALICE).create("Orders");
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("db/mail").toAbsolutePath());
        h2.setUser("sa");
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        store.close();
    }

    private void startRoute(long maxAttachmentSize) throws Exception {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("store", store);
        camel.addRoutes(new JdbcRoute(JdbcRoute.fromUri(ALICE + "/Orders", "store", "seen", false, dir), "", h2,
                "serai_", maxAttachmentSize));
        camel.start();
    }

    static byte[] order(String subject, String attachment) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("bob@example.org", "Bob Ü"));
        message.setRecipients(Message.RecipientType.TO, "alice@caravan.test");
        message.setSubject(subject, "UTF-8");
        MimeMultipart mixed = new MimeMultipart();
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Zwölf Kamele.\r\n", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>Zwölf Kamele.</p>", "ISO-8859-1", "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        mixed.addBodyPart(body);
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.getBytes(StandardCharsets.UTF_8),
                "text/csv")));
        file.setFileName("order.csv");
        mixed.addBodyPart(file);
        message.setContent(mixed);
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private long append(byte[] mail) throws Exception {
        return store.mailboxes(ALICE).open("Orders")
                .append(AppendRequest.of(ContentSource.of(new ByteArrayInputStream(mail)))).uid();
    }

    /** The parts of {@code mail} as the mailbox: consumer hands them over: stored, as the store parsed them. */
    private MessageParts parts(byte[] mail) throws Exception {
        Mailbox orders = store.mailboxes(ALICE).open("Orders");
        return MessageParts.of(orders.content(append(mail)));
    }

    private List<List<Object>> rows(String sql) throws Exception {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    Object value = r.getObject(i);
                    row.add(value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length())
                            : value instanceof java.sql.Blob blob ? new String(blob.getBytes(1, (int) blob.length()),
                            StandardCharsets.UTF_8) : value);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Test
    void aMessageArrivingInTheFolderBecomesARowWithItsAttachments() throws Exception {
        startRoute(1024);
        byte[] mail = order("Bestellung 7", "camel;12\r\n");

        long uid = append(mail);

        await().atMost(Duration.ofSeconds(10)).until(() -> !rows("SELECT uid FROM serai_message").isEmpty());
        List<Object> message = rows("SELECT account, folder, uid, subject, from_addr, to_addr, body_text, body_html,"
                + " size, message_id IS NOT NULL, sent_at IS NOT NULL, headers FROM serai_message").get(0);
        assertThat(message.subList(0, 9)).containsExactly(ALICE, "Orders", uid, "Bestellung 7",
                "Bob Ü <bob@example.org>", ALICE, "Zwölf Kamele.\r\n", "<p>Zwölf Kamele.</p>", (long) mail.length);
        assertThat(message.subList(9, 11)).containsExactly(true, true);
        assertThat((String) message.get(11)).startsWith("Date: ").contains("From: =?UTF-8?Q?Bob_=C3=9C?= <bob@example.org>\r\n", "Subject: Bestellung 7\r\n")
                .doesNotContain("Zwölf");
        assertThat(rows("SELECT position, name, content_type, size, sha256, content FROM serai_attachment"))
                .containsExactly(List.of(0, "order.csv", "text/csv", 10L,
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                .digest("camel;12\r\n".getBytes(StandardCharsets.UTF_8))), "camel;12\r\n"));
    }

    @Test
    void largeAttachmentsAreRecordedWithoutTheirBytes() throws Exception {
        startRoute(5);

        append(order("big", "0123456789"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !rows("SELECT uid FROM serai_attachment").isEmpty());
        assertThat(rows("SELECT name, size, content IS NULL FROM serai_attachment"))
                .containsExactly(List.of("order.csv", 10L, true));
    }

    @Test
    void theSameMessageIsStoredOnce() throws Exception {
        MailTables tables = new MailTables(h2, "serai_");
        tables.createSchema();
        tables.createSchema(); // at every start
        byte[] mail = order("once", "x");
        MailRow row = new MessageParser(1024).parse(mail, parts(mail), ALICE, "Orders", 7, 1);

        assertThat(tables.store(row)).isTrue();
        assertThat(tables.store(row)).isFalse();
        assertThat(tables.store(new MessageParser(1024).parse(mail, parts(mail), ALICE, "Orders", 8, 1))).isTrue();

        assertThat(rows("SELECT uid_validity, uid FROM serai_message ORDER BY uid_validity"))
                .containsExactly(List.of(7L, 1L), List.of(8L, 1L));
        assertThat(rows("SELECT COUNT(*) FROM serai_attachment")).containsExactly(List.of(2L));
    }

    @Test
    void configurationIsChecked() {
        assertThatThrownBy(() -> new MailTables(h2, "x; DROP TABLE y"))
                .hasMessageContaining("tablePrefix");
        assertThatThrownBy(() -> JdbcRoute.fromUri("", "s", "seen", false, dir))
                .hasMessageContaining("mailbox is required");
    }
}
