package io.serai.imap.transport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SAVEDATE (RFC 8514) over a real socket: Angus Mail appends with an old date, then searches by save date with
 * its protocol-level command API (Angus has no SAVEDATE search term of its own).
 */
class AngusMailSaveDateTest {

    @TempDir
    Path dir;
    private ServerFixture fixture;
    private IMAPStore imap;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture(dir, b -> b);
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(fixture.address.getPort()));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        imap = (IMAPStore) Session.getInstance(props).getStore("imap");
        imap.connect(ServerFixture.ALICE, ServerFixture.PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        imap.close();
        fixture.close();
    }

    @Test
    void angusSeesSaveDatesThatDifferFromTheInternalDate() throws Exception {
        assertThat(imap.hasCapability("SAVEDATE")).isTrue();
        IMAPFolder inbox = (IMAPFolder) imap.getFolder("INBOX");
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream("Subject: old\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII)));
        // APPEND with an INTERNALDATE years back (Angus sends the received date)
        m.setSentDate(new Date(1_580_702_706_000L));
        inbox.appendMessages(new jakarta.mail.Message[] {m});
        inbox.open(Folder.READ_WRITE);
        assertThat(inbox.getMessageCount()).isEqualTo(1);
        String today = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH)
                .format(LocalDate.now(ZoneOffset.UTC));

        // Angus's FetchResponse parser drops a response with an item it does not know, so the SAVEDATE item
        // itself is checked byte for byte in SaveDateSessionTest; here the searches, whose answers it reads
        String yesterday = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH)
                .format(LocalDate.now(ZoneOffset.UTC).minusDays(1));
        String savedDay = untagged(inbox, "UID SEARCH SAVEDON " + today).equals(List.of("SEARCH 1")) ? today
                : yesterday; // the append may have happened just before midnight UTC
        assertThat(untagged(inbox, "UID SEARCH ON 3-Feb-2020")).containsExactly("SEARCH 1");
        assertThat(untagged(inbox, "UID SEARCH SAVEDON 3-Feb-2020")).containsExactly("SEARCH");
        assertThat(untagged(inbox, "UID SEARCH SAVEDON " + savedDay)).containsExactly("SEARCH 1");
        assertThat(untagged(inbox, "UID SEARCH SAVEDBEFORE " + savedDay)).containsExactly("SEARCH");
        inbox.close(false);
    }

    /** The untagged responses of one command, without the {@code * }. */
    private static List<String> untagged(IMAPFolder folder, String command) throws Exception {
        Object out = folder.doCommand(p -> {
            Response[] r = p.command(command, null);
            p.handleResult(r[r.length - 1]);
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < r.length - 1; i++) {
                String line = r[i].toString();
                lines.add(line.startsWith("* ") ? line.substring(2) : line);
            }
            return lines;
        });
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) out;
        return lines;
    }
}
