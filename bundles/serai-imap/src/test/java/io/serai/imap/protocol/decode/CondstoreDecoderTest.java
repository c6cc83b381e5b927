package io.serai.imap.protocol.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.imap.protocol.request.FetchItem;
import io.serai.imap.protocol.request.FetchRequest;
import io.serai.imap.protocol.request.ResultRange;
import io.serai.imap.protocol.request.SearchCriterion;
import io.serai.imap.protocol.request.SearchRequest;
import io.serai.imap.protocol.request.SelectRequest;
import io.serai.imap.protocol.request.SequenceSet;
import io.serai.imap.protocol.request.StoreRequest;
import io.serai.store.api.search.ModSeqKey;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The CONDSTORE and QRESYNC syntax (RFC 7162 §7) with the RFC's example commands. */
class CondstoreDecoderTest {

    private final RequestDecoder decoder = new RequestDecoder();

    private Object decode(String command) throws DecodeException {
        return decoder.decode(command.getBytes(StandardCharsets.UTF_8), false);
    }

    private static SequenceSet set(long low, long high) {
        return new SequenceSet(List.of(new SequenceSet.Range(low, high)), false);
    }

    @Test
    void storeUnchangedSince() throws Exception {
        // RFC 7162 §3.1.3, example 6
        assertThat(decode("a102 STORE 12 (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted)"))
                .isEqualTo(new StoreRequest("a102", false, set(12, 12), StoreRequest.Mode.ADD, true,
                        List.of("\\Deleted"), OptionalLong.of(12121230045L)));
        StoreRequest uid = (StoreRequest) decode("d105 UID STORE 7,5,9 (UNCHANGEDSINCE 0) FLAGS ($MDNSent)");
        assertThat(uid.byUid()).isTrue();
        assertThat(uid.unchangedSince()).hasValue(0);
        assertThatThrownBy(() -> decode("a STORE 1 (UNCHANGEDSINCE) +FLAGS (\\Seen)"))
                .isInstanceOf(DecodeException.class);
    }

    @Test
    void fetchModSeqAndModifiers() throws Exception {
        // RFC 7162 §3.1.4.1 and §3.2.6 examples
        assertThat(decode("a FETCH 1:* (FLAGS MODSEQ)")).isEqualTo(new FetchRequest("a", set(1, SequenceSet.STAR),
                List.of(FetchItem.Simple.FLAGS, FetchItem.Simple.MODSEQ), false));
        assertThat(decode("s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)")).isEqualTo(new FetchRequest("s100",
                set(1, SequenceSet.STAR), List.of(FetchItem.Simple.FLAGS), true, 12345, false));
        assertThat(decode("s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)")).isEqualTo(
                new FetchRequest("s100", set(300, 500), List.of(FetchItem.Simple.FLAGS), true, 12345, true));
        assertThat(decode("a FETCH 1 FLAGS (CHANGEDSINCE 5)"))
                .isEqualTo(new FetchRequest("a", set(1, 1), List.of(FetchItem.Simple.FLAGS), false, 5, false));
        assertThatThrownBy(() -> decode("a UID FETCH 1 FLAGS (VANISHED)")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> decode("a FETCH 1 FLAGS (CHANGEDSINCE 5 VANISHED)"))
                .isInstanceOf(DecodeException.class);
        // PARTIAL is a fetch modifier since RFC 9394; an unknown one is still refused
        assertThat(decode("a FETCH 1 FLAGS (PARTIAL -1:-5)")).isEqualTo(new FetchRequest("a", set(1, 1),
                List.of(FetchItem.Simple.FLAGS), false, -1, false, new ResultRange(-1, -5)));
        assertThatThrownBy(() -> decode("a FETCH 1 FLAGS (PARTIALLY 1:5)")).isInstanceOf(DecodeException.class);
    }

    @Test
    void searchModSeqWithAndWithoutEntry() throws Exception {
        // RFC 7162 §3.1.5 examples
        assertThat(((SearchRequest) decode("a SEARCH MODSEQ \"/flags/\\\\draft\" all 620162338")).criteria())
                .isEqualTo(new SearchCriterion.Store(new ModSeqKey(620162338L)));
        assertThat(((SearchRequest) decode("t UID SEARCH MODSEQ 620162338")).criteria())
                .isEqualTo(new SearchCriterion.Store(new ModSeqKey(620162338L)));
        assertThatThrownBy(() -> decode("a SEARCH MODSEQ \"/flags/\\\\draft\" mine 1"))
                .isInstanceOf(DecodeException.class);
    }

    @Test
    void selectQresync() throws Exception {
        // RFC 7162 §3.2.5.1 examples
        assertThat(decode("A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))"))
                .isEqualTo(new SelectRequest("A02", "INBOX", false, false, new SelectRequest.Qresync(67890007L,
                        20050715194045000L, new SequenceSet(List.of(new SequenceSet.Range(41, 41),
                                new SequenceSet.Range(43, 211), new SequenceSet.Range(214, 541)), false))));
        SelectRequest withMatch = (SelectRequest) decode("B04 SELECT INBOX (QRESYNC (67890007 "
                + "90060115194045000 1:29997 (5000,7500,9000,9990:9999 15000,22500,27000,29970,29973,29976:29999)))");
        assertThat(withMatch.qresync().knownUids()).isEqualTo(set(1, 29997));
        SelectRequest matchOnly = (SelectRequest) decode("a EXAMINE INBOX (CONDSTORE QRESYNC (1 2 (1:2 5,7)))");
        assertThat(matchOnly.condstore()).isTrue();
        assertThat(matchOnly.qresync()).isEqualTo(new SelectRequest.Qresync(1, 2, null));
        assertThatThrownBy(() -> decode("a SELECT INBOX (QRESYNC (1))")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> decode("a SELECT INBOX (QRESYNC (1 2 $))")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> decode("a SELECT INBOX (CONDSTORE CONDSTORE)")).isInstanceOf(DecodeException.class);
    }
}
