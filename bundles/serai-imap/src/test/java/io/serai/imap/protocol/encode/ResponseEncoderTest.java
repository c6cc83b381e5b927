package io.serai.imap.protocol.encode;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.imap.protocol.request.StatusItem;
import io.serai.imap.protocol.response.CapabilityResponse;
import io.serai.imap.protocol.response.ContinuationResponse;
import io.serai.imap.protocol.response.EnabledResponse;
import io.serai.imap.protocol.response.FlagsResponse;
import io.serai.imap.protocol.response.IdResponse;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ListResponse;
import io.serai.imap.protocol.response.MailboxStatusResponse;
import io.serai.imap.protocol.response.MessageCountResponse;
import io.serai.imap.protocol.response.NamespaceResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.Status;
import io.serai.imap.protocol.response.StatusResponse;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Byte-for-byte checks, most lines taken from the RFC 9051 §6 and §7 examples. */
class ResponseEncoderTest {

    private final ResponseEncoder encoder = new ResponseEncoder();

    private String rev1(ImapResponse r) {
        return new String(encoder.encode(r, false), StandardCharsets.UTF_8);
    }

    private String rev2(ImapResponse r) {
        return new String(encoder.encode(r, true), StandardCharsets.UTF_8);
    }

    @Test
    void flagsFetchWithAndWithoutUidAndModSeq() {
        assertThat(rev1(new io.serai.imap.protocol.response.FlagsFetchResponse(12, List.of("\\Seen", "$Forwarded"), 0, 0)))
                .isEqualTo("* 12 FETCH (FLAGS (\\Seen $Forwarded))\r\n");
        assertThat(rev1(new io.serai.imap.protocol.response.FlagsFetchResponse(1, List.of(), 44, 9)))
                .isEqualTo("* 1 FETCH (UID 44 FLAGS () MODSEQ (9))\r\n");
    }

    @Test
    void taggedAndUntaggedStatusWithCodes() {
        assertThat(rev1(StatusResponse.ok("A142", ResponseCode.READ_WRITE, "SELECT completed")))
                .isEqualTo("A142 OK [READ-WRITE] SELECT completed\r\n");
        assertThat(rev1(StatusResponse.untagged(Status.OK, ResponseCode.number("UIDVALIDITY", 3857529045L),
                "UIDs valid"))).isEqualTo("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n");
        assertThat(rev1(StatusResponse.untagged(Status.OK,
                ResponseCode.list("PERMANENTFLAGS", List.of("\\Deleted", "\\Seen", "\\*")), "Limited")))
                .isEqualTo("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n");
        assertThat(rev1(StatusResponse.no("A003", ResponseCode.AUTHENTICATIONFAILED, "Authentication failed")))
                .isEqualTo("A003 NO [AUTHENTICATIONFAILED] Authentication failed\r\n");
        assertThat(rev1(StatusResponse.bad(null, "Missing tag"))).isEqualTo("* BAD Missing tag\r\n");
        assertThat(rev1(new StatusResponse(null, Status.BYE, null, "Logging out")))
                .isEqualTo("* BYE Logging out\r\n");
    }

    @Test
    void statusTextIsNeverEmptyNorMultiLine() {
        assertThat(rev1(StatusResponse.ok("a", ""))).isEqualTo("a OK Done\r\n");
        assertThat(rev1(StatusResponse.bad("a", "x\r\ny"))).isEqualTo("a BAD x  y\r\n");
    }

    @Test
    void continuationCapabilityEnabled() {
        assertThat(rev1(ContinuationResponse.READY)).isEqualTo("+ Ready for literal data\r\n");
        assertThat(rev1(new ContinuationResponse(""))).isEqualTo("+ \r\n"); // empty SASL challenge, RFC 9051 §6.2.2
        assertThat(rev1(new CapabilityResponse(List.of("IMAP4rev2", "IMAP4rev1", "AUTH=PLAIN"))))
                .isEqualTo("* CAPABILITY IMAP4rev2 IMAP4rev1 AUTH=PLAIN\r\n");
        assertThat(rev1(new EnabledResponse(List.of()))).isEqualTo("* ENABLED\r\n");
        assertThat(rev1(new EnabledResponse(List.of("CONDSTORE")))).isEqualTo("* ENABLED CONDSTORE\r\n");
    }

    @Test
    void countsAndFlags() {
        assertThat(rev1(MessageCountResponse.exists(172))).isEqualTo("* 172 EXISTS\r\n");
        assertThat(rev1(MessageCountResponse.expunge(3))).isEqualTo("* 3 EXPUNGE\r\n");
        assertThat(rev1(new FlagsResponse(List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft"))))
                .isEqualTo("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n");
    }

    @Test
    void listQuotesTheDelimiterAndEncodesNamesPerVersion() {
        ListResponse sent = new ListResponse(false, List.of("\\HasNoChildren", "\\Sent"), '/', "Sent");
        assertThat(rev1(sent)).isEqualTo("* LIST (\\HasNoChildren \\Sent) \"/\" Sent\r\n");
        ListResponse drafts = new ListResponse(false, List.of(), '/', "Entw\u00fcrfe");
        assertThat(rev1(drafts)).isEqualTo("* LIST () \"/\" Entw&APw-rfe\r\n");
        assertThat(rev2(drafts)).isEqualTo("* LIST () \"/\" \"Entw\u00fcrfe\"\r\n");
        assertThat(rev1(new ListResponse(true, List.of(), '/', "my box"))).isEqualTo("* LSUB () \"/\" \"my box\"\r\n");
        assertThat(rev1(new ListResponse(false, List.of(), '/', "a&b"))).isEqualTo("* LIST () \"/\" a&-b\r\n");
        assertThat(rev2(new ListResponse(false, List.of(), '/', "a&b"))).isEqualTo("* LIST () \"/\" a&b\r\n");
    }

    @Test
    void mailboxStatusKeepsItemOrder() {
        Map<StatusItem, Long> values = new LinkedHashMap<>();
        values.put(StatusItem.MESSAGES, 231L);
        values.put(StatusItem.UIDNEXT, 44292L);
        assertThat(rev1(new MailboxStatusResponse("blurdybloop", values)))
                .isEqualTo("* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\n");
    }

    @Test
    void namespaceAndId() {
        assertThat(rev1(new NamespaceResponse("", '/'))).isEqualTo("* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Serai");
        fields.put("support-url", null);
        assertThat(rev1(new IdResponse(fields))).isEqualTo("* ID (\"name\" \"Serai\" \"support-url\" NIL)\r\n");
        assertThat(rev1(new IdResponse(Map.of()))).isEqualTo("* ID NIL\r\n");
    }

    @Test
    void writerChoosesAtomQuotedOrLiteral() {
        assertThat(new String(new ImapWriter(false).astring("INBOX").sp().astring("").sp().astring("nil").sp()
                .string("say \"hi\" \\o/").toByteArray(), StandardCharsets.UTF_8))
                .isEqualTo("INBOX \"\" \"nil\" \"say \\\"hi\\\" \\\\o/\"");
        // CR/LF and, for IMAP4rev1, 8-bit text cannot be quoted
        assertThat(new String(new ImapWriter(false).string("a\r\nb").toByteArray(), StandardCharsets.UTF_8))
                .isEqualTo("{4}\r\na\r\nb");
        assertThat(new String(new ImapWriter(false).string("\u00e9").toByteArray(), StandardCharsets.UTF_8))
                .isEqualTo("{2}\r\n\u00e9");
        assertThat(new String(new ImapWriter(true).string("\u00e9").toByteArray(), StandardCharsets.UTF_8))
                .isEqualTo("\"\u00e9\"");
        assertThat(new String(new ImapWriter(false).nstring(null).toByteArray(), StandardCharsets.UTF_8))
                .isEqualTo("NIL");
    }
}
