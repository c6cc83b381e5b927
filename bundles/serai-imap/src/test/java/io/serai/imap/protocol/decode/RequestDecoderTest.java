package io.serai.imap.protocol.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.imap.protocol.request.AuthenticateRequest;
import io.serai.imap.protocol.request.EnableRequest;
import io.serai.imap.protocol.request.IdRequest;
import io.serai.imap.protocol.request.ListRequest;
import io.serai.imap.protocol.request.LoginRequest;
import io.serai.imap.protocol.request.MailboxRequest;
import io.serai.imap.protocol.request.RenameRequest;
import io.serai.imap.protocol.request.SelectRequest;
import io.serai.imap.protocol.request.SimpleRequest;
import io.serai.imap.protocol.request.StatusItem;
import io.serai.imap.protocol.request.StatusRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestDecoderTest {

    private final RequestDecoder decoder = new RequestDecoder();

    private Object decode(String command) throws DecodeException {
        return decoder.decode(command.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void simpleCommandsAreCaseInsensitive() throws Exception {
        assertThat(decode("a1 capability")).isEqualTo(new SimpleRequest("a1", "CAPABILITY"));
        assertThatThrownBy(() -> decode("a1 NOOP extra")).isInstanceOfSatisfying(DecodeException.class,
                e -> assertThat(e.tag()).isEqualTo("a1"));
    }

    @Test
    void loginWithLiteralFromRfc9051() throws Exception {
        LoginRequest login = (LoginRequest) decode("A001 LOGIN {11}\r\nFRED FOOBAR {7}\r\nfat man");
        assertThat(login.user()).isEqualTo("FRED FOOBAR");
        assertThat(new String(login.password(), StandardCharsets.UTF_8)).isEqualTo("fat man");
        assertThat(login.toString()).doesNotContain("fat man");
        LoginRequest quoted = (LoginRequest) decode("a LOGIN \"user@example.org\" secret");
        assertThat(quoted.user()).isEqualTo("user@example.org");
    }

    @Test
    void authenticateWithAndWithoutInitialResponse() throws Exception {
        assertThat(decode("a AUTHENTICATE plain")).isEqualTo(new AuthenticateRequest("a", "PLAIN", null));
        assertThat(decode("a AUTHENTICATE PLAIN AGZyZWQAZmF0IG1hbg==")) // SASL-IR, RFC 4959 §3
                .isEqualTo(new AuthenticateRequest("a", "PLAIN", "AGZyZWQAZmF0IG1hbg=="));
        assertThat(decode("a AUTHENTICATE PLAIN =")).isEqualTo(new AuthenticateRequest("a", "PLAIN", "="));
    }

    @Test
    void selectExamineAndCondstore() throws Exception {
        assertThat(decode("A142 SELECT inbox")).isEqualTo(new SelectRequest("A142", "INBOX", false, false));
        assertThat(decode("A932 EXAMINE blurdybloop (CONDSTORE)"))
                .isEqualTo(new SelectRequest("A932", "blurdybloop", true, true));
        assertThat(decode("a SELECT INBOX (QRESYNC (1 2))")).isEqualTo(new SelectRequest("a", "INBOX", false, false,
                new SelectRequest.Qresync(1, 2, null)));
        assertThatThrownBy(() -> decode("a SELECT INBOX (QRESYNC (0 2))")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> decode("a SELECT INBOX (FOO)")).isInstanceOf(DecodeException.class);
    }

    @Test
    void mailboxCommandsDecodeModifiedUtf7UnlessUtf8IsEnabled() throws Exception {
        assertThat(decode("a CREATE Entw&APw-rfe")).isEqualTo(new MailboxRequest("a", "CREATE", "Entw\u00fcrfe"));
        assertThat(decoder.decode("a CREATE \"Entw\u00fcrfe\"".getBytes(StandardCharsets.UTF_8), true))
                .isEqualTo(new MailboxRequest("a", "CREATE", "Entw\u00fcrfe"));
        assertThat(decode("a RENAME blurdybloop sarasoop")).isEqualTo(new RenameRequest("a", "blurdybloop", "sarasoop"));
        assertThatThrownBy(() -> decode("a CREATE &AGE-")).isInstanceOf(DecodeException.class);
    }

    @Test
    void basicAndExtendedList() throws Exception {
        ListRequest basic = (ListRequest) decode("A101 LIST \"\" \"\"");
        assertThat(basic.reference()).isEmpty();
        assertThat(basic.patterns()).containsExactly("");
        ListRequest ext = (ListRequest) decode(
                "A02 LIST (SUBSCRIBED special-use) \"\" (\"*\" INBOX/%) RETURN (CHILDREN STATUS (MESSAGES UNSEEN))");
        assertThat(ext.selection()).isEqualTo(Set.of("SUBSCRIBED", "SPECIAL-USE"));
        assertThat(ext.patterns()).containsExactly("*", "INBOX/%");
        assertThat(ext.returns()).isEqualTo(Set.of("CHILDREN", "STATUS"));
        assertThat(ext.statusItems()).containsExactly(StatusItem.MESSAGES, StatusItem.UNSEEN);
        assertThat(((ListRequest) decode("a LSUB \"\" *")).lsub()).isTrue();
    }

    @Test
    void status() throws Exception {
        assertThat(decode("A042 STATUS blurdybloop (UIDNEXT MESSAGES)")).isEqualTo(
                new StatusRequest("A042", "blurdybloop", List.of(StatusItem.UIDNEXT, StatusItem.MESSAGES)));
        assertThatThrownBy(() -> decode("a STATUS x (BOGUS)")).hasMessageContaining("BOGUS");
        assertThatThrownBy(() -> decode("a STATUS x ()")).isInstanceOf(DecodeException.class);
    }

    @Test
    void enableAndId() throws Exception {
        assertThat(decode("t2 ENABLE imap4rev2 CONDSTORE"))
                .isEqualTo(new EnableRequest("t2", List.of("IMAP4REV2", "CONDSTORE")));
        assertThatThrownBy(() -> decode("t2 ENABLE")).isInstanceOf(DecodeException.class);
        IdRequest id = (IdRequest) decode("a023 ID (\"name\" \"sodr\" \"version\" NIL)");
        assertThat(id.fields()).containsEntry("name", "sodr").containsEntry("version", null);
        assertThat(((IdRequest) decode("a ID NIL")).fields()).isEmpty();
    }

    @Test
    void appendFromRfc9051WithFlagsAndDate() throws Exception {
        String message = "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\nSubject: afternoon meeting\r\n\r\nHello\r\n";
        int n = message.length();
        var append = (io.serai.imap.protocol.request.AppendMessageRequest) decode(
                "A003 APPEND saved-messages (\\Seen $Work) \"17-Jul-1996 02:44:25 -0700\" {" + n + "}\r\n" + message);
        assertThat(append.mailbox()).isEqualTo("saved-messages");
        assertThat(append.flags()).containsExactly("\\Seen", "$Work");
        assertThat(append.internalDate()).hasToString("1996-07-17T02:44:25-07:00");
        assertThat(new String(append.message().readAll(), StandardCharsets.US_ASCII)).isEqualTo(message);
        var bare = (io.serai.imap.protocol.request.AppendMessageRequest) decode("a APPEND INBOX {3+}\r\nabc");
        assertThat(bare.flags()).isEmpty();
        assertThat(bare.internalDate()).isNull();
        assertThatThrownBy(() -> decode("a APPEND INBOX (\\Seen) abc")).hasMessageContaining("literal");
        assertThatThrownBy(() -> decode("a APPEND INBOX \"abc\"")).hasMessageContaining("date-time");
        assertThatThrownBy(() -> decode("a APPEND INBOX \"1-Jul-1996 02:44:25 -0700\" {1}\r\nx"))
                .isInstanceOf(DecodeException.class);
    }

    @Test
    void errorsCarryTheTagWhenThereIsOne() {
        assertThatThrownBy(() -> decode("a9 FROB")).isInstanceOfSatisfying(DecodeException.class,
                e -> assertThat(e.tag()).isEqualTo("a9"));
        assertThatThrownBy(() -> decode("+x NOOP")).isInstanceOfSatisfying(DecodeException.class,
                e -> assertThat(e.tag()).isNull());
        assertThatThrownBy(() -> decode("a9")).isInstanceOfSatisfying(DecodeException.class,
                e -> assertThat(e.tag()).isNull());
    }
}
