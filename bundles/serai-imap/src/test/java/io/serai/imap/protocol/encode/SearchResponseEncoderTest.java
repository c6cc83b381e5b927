package io.serai.imap.protocol.encode;

import static org.assertj.core.api.Assertions.assertThat;

import io.serai.imap.protocol.response.EsearchResponse;
import io.serai.imap.protocol.response.FlagsFetchResponse;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.SearchResponse;
import io.serai.imap.protocol.response.Status;
import io.serai.imap.protocol.response.StatusResponse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Byte-for-byte SEARCH, ESEARCH, STORE's FETCH and COPYUID lines, from RFC 9051, RFC 4731, RFC 4315, RFC 6851. */
class SearchResponseEncoderTest {

    private final ResponseEncoder encoder = new ResponseEncoder();

    private String encode(ImapResponse r) {
        return new String(encoder.encode(r, false), StandardCharsets.UTF_8);
    }

    @Test
    void plainSearch() {
        assertThat(encode(new SearchResponse(new long[] {2, 84, 882})))
                .isEqualTo("* SEARCH 2 84 882\r\n");
        assertThat(encode(new SearchResponse(new long[0])))
                .isEqualTo("* SEARCH\r\n");
    }

    @Test
    void esearchFromRfc4731() {
        assertThat(encode(new EsearchResponse("A282", false, 2, 0, 3, null)))
                .isEqualTo("* ESEARCH (TAG \"A282\") MIN 2 COUNT 3\r\n");
        assertThat(encode(new EsearchResponse("A283", false, 0, 0, -1, new long[] {2, 10, 11})))
                .isEqualTo("* ESEARCH (TAG \"A283\") ALL 2,10:11\r\n");
        assertThat(encode(new EsearchResponse("A284", true, 0, 0, 0, new long[0])))
                .as("nothing matched: COUNT 0, no MIN/MAX/ALL").isEqualTo("* ESEARCH (TAG \"A284\") UID COUNT 0\r\n");
        assertThat(encode(new EsearchResponse("A285", true, 4, 4722, 5, new long[] {4, 5, 6, 4720, 4722})))
                .isEqualTo("* ESEARCH (TAG \"A285\") UID MIN 4 MAX 4722 COUNT 5 ALL 4:6,4720,4722\r\n");
        assertThat(encode(new EsearchResponse("a\"b", false, 0, 0, -1, null)))
                .isEqualTo("* ESEARCH (TAG \"a\\\"b\")\r\n");
    }

    @Test
    void storeFetchWithAndWithoutUid() {
        assertThat(encode(new FlagsFetchResponse(2, List.of("\\Deleted", "\\Seen"), 0, 0)))
                .isEqualTo("* 2 FETCH (FLAGS (\\Deleted \\Seen))\r\n");
        assertThat(encode(new FlagsFetchResponse(3, List.of(), 4827313, 0)))
                .isEqualTo("* 3 FETCH (UID 4827313 FLAGS ())\r\n");
    }

    @Test
    void copyUidCodes() {
        assertThat(encode(StatusResponse.untagged(Status.OK,
                new ResponseCode("COPYUID", "432432 42:69 1202:1229"), "Moved")))
                .isEqualTo("* OK [COPYUID 432432 42:69 1202:1229] Moved\r\n");
        assertThat(encode(StatusResponse.no("a", ResponseCode.list("BADCHARSET", List.of("US-ASCII", "UTF-8")),
                "Unsupported charset"))).isEqualTo("a NO [BADCHARSET (US-ASCII UTF-8)] Unsupported charset\r\n");
    }

    @Test
    void numberSetsAreCompactAndKeepTheirOrder() {
        assertThat(NumberSets.compact(new long[] {1, 2, 3, 5, 7, 8})).isEqualTo("1:3,5,7:8");
        assertThat(NumberSets.compact(new long[] {9})).isEqualTo("9");
        assertThat(NumberSets.compact(new long[0])).isEmpty();
        assertThat(NumberSets.compact(new long[] {5, 3, 4})).as("order kept for COPYUID").isEqualTo("5,3:4");
    }
}
