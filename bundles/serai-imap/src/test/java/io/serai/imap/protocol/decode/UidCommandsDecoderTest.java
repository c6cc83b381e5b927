package io.serai.imap.protocol.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.imap.protocol.request.CopyRequest;
import io.serai.imap.protocol.request.SequenceSet;
import io.serai.imap.protocol.request.StoreRequest;
import io.serai.imap.protocol.request.UidExpungeRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** STORE, COPY, MOVE, the UID prefix and UID EXPUNGE (RFC 9051 §6.4.6–6.4.9, RFC 4315, RFC 6851). */
class UidCommandsDecoderTest {

    private final RequestDecoder decoder = new RequestDecoder();

    private Object decode(String command) throws DecodeException {
        return decoder.decode(command.getBytes(StandardCharsets.UTF_8), false);
    }

    private static SequenceSet set(long low, long high) {
        return new SequenceSet(List.of(new SequenceSet.Range(low, high)), false);
    }

    private void assertBad(String command, String message) {
        assertThatThrownBy(() -> decode(command)).isInstanceOfSatisfying(DecodeException.class, e -> {
            assertThat(e.tag()).isEqualTo("a");
            assertThat(e.fatal()).isFalse();
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void storeFromRfc9051() throws Exception {
        assertThat(decode("A003 STORE 2:4 +FLAGS (\\Deleted)")).isEqualTo(new StoreRequest("A003", false,
                set(2, 4), StoreRequest.Mode.ADD, false, List.of("\\Deleted"), OptionalLong.empty()));
    }

    @Test
    void storeModesSilentAndBareFlags() throws Exception {
        StoreRequest replace = (StoreRequest) decode("a store 1 flags.silent \\SEEN $Junk work");
        assertThat(replace.mode()).isEqualTo(StoreRequest.Mode.REPLACE);
        assertThat(replace.silent()).isTrue();
        assertThat(replace.flags()).containsExactly("\\Seen", "$Junk", "work");
        StoreRequest remove = (StoreRequest) decode("a STORE 1:* -FLAGS ()");
        assertThat(remove.mode()).isEqualTo(StoreRequest.Mode.REMOVE);
        assertThat(remove.flags()).isEmpty();
        assertThat(remove.byUid()).isFalse();
    }

    @Test
    void uidStoreCarriesTheUidFlag() throws Exception {
        StoreRequest store = (StoreRequest) decode("a UID STORE 4827313:4828442 +FLAGS.SILENT (\\Flagged)");
        assertThat(store.byUid()).isTrue();
        assertThat(store.command()).isEqualTo("STORE");
        assertThat(store.messages()).isEqualTo(set(4827313, 4828442));
    }

    @Test
    void storeRejectsRecentUnknownSystemFlagsModifiersAndBadItems() {
        assertBad("a STORE 1 +FLAGS (\\Important)", "Unknown flag");
        assertBad("a STORE 1 (UNCHANGEDSINCE 5 UNCHANGEDSINCE 6) +FLAGS (\\Seen)", "repeated");
        assertBad("a STORE 1 (FOO 5) +FLAGS (\\Seen)", "store modifier");
        assertBad("a STORE 1 +FLAGZ (\\Seen)", "FLAGS");
        assertBad("a STORE 0 +FLAGS (\\Seen)", "non-zero");
        assertBad("a STORE 1 +FLAGS (\\Seen", "')'");
        assertBad("a STORE 1 +FLAGS", "' '");
    }

    @Test
    void copyAndMoveWithAndWithoutUid() throws Exception {
        assertThat(decode("A003 COPY 2:4 MEETING")).isEqualTo(
                new CopyRequest("A003", "COPY", false, set(2, 4), "MEETING"));
        assertThat(decode("a UID MOVE 42:69 foo")).isEqualTo(new CopyRequest("a", "MOVE", true, set(42, 69), "foo"));
        assertThat(decode("a uid copy $ \"Sent Items\"")).isEqualTo(
                new CopyRequest("a", "COPY", true, SequenceSet.SAVED, "Sent Items"));
        assertThat(((CopyRequest) decode("a MOVE 1 inbox")).mailbox()).isEqualTo("INBOX");
        assertBad("a COPY 1", "' '");
        assertBad("a MOVE x Trash", "number");
    }

    @Test
    void uidExpungeAndUnknownUidCommands() throws Exception {
        assertThat(decode("A003 UID EXPUNGE 3000:3002")).isEqualTo(new UidExpungeRequest("A003", set(3000, 3002)));
        assertBad("a UID EXPUNGE", "' '");
        assertBad("a UID NOOP", "Unknown UID command NOOP");
        assertBad("a UID", "' '");
    }
}
