package io.serai.store.embedded.internal.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.serai.store.api.MessageMeta;
import io.serai.store.embedded.internal.state.MailboxState;
import io.serai.store.embedded.internal.state.MessageTable;
import io.serai.store.embedded.internal.state.StoreState;
import org.junit.jupiter.api.Test;

/** Journals written before save dates (record types 20 and 23) still replay; new records carry the save date. */
class SaveDateRecordsTest {

    private static final long INTERNAL = 1_700_000_000_000L;
    private static final long SAVED = 1_800_000_000_000L;

    @Test
    void appendedAndCopiedRoundTripWithTheirSaveDate() throws IOException {
        StoreState s = stateWithTwoMailboxes();
        apply(s, new MessageRecords.Appended(1, 5, SAVED, List.of(message(1))));
        apply(s, new MessageRecords.Copied(1, 2, 6, SAVED + 1, new long[] {1}, new long[] {1}));
        MessageMeta appended = s.mailboxes.get(1L).meta(0);
        MessageMeta copied = s.mailboxes.get(2L).meta(0);
        assertThat(appended.internalDate().toEpochMilli()).isEqualTo(INTERNAL);
        assertThat(appended.savedDate().toEpochMilli()).isEqualTo(SAVED);
        assertThat(copied.internalDate().toEpochMilli()).isEqualTo(INTERNAL);
        assertThat(copied.savedDate().toEpochMilli()).isEqualTo(SAVED + 1);
    }

    @Test
    void legacyRecordsReplayWithAnUnknownSaveDate() throws IOException {
        StoreState s = stateWithTwoMailboxes();
        ByteArrayOutputStream appended = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(appended);
        // type 20 as journals before RFC 8514 support wrote it: no save date after the MODSEQ
        out.writeByte(20);
        out.writeLong(1);
        DataIo.writeVarLong(out, 5);
        DataIo.writeVarLong(out, 1);
        DataIo.writeVarLong(out, 1);
        out.writeLong(INTERNAL);
        out.writeLong(77);
        out.writeInt(100);
        out.writeInt(10);
        out.writeInt(0);
        out.writeByte(0);
        DataIo.writeStrings(out, Set.of());
        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        out = new DataOutputStream(copied);
        out.writeByte(23);
        out.writeLong(1);
        out.writeLong(2);
        DataIo.writeVarLong(out, 6);
        DataIo.writeUids(out, new long[] {1});
        DataIo.writeUids(out, new long[] {1});

        RecordCodec.decode(appended.toByteArray()).apply(s, new ArrayList<>());
        RecordCodec.decode(copied.toByteArray()).apply(s, new ArrayList<>());

        assertThat(s.mailboxes.get(1L).meta(0).savedDate()).isNull();
        assertThat(s.mailboxes.get(1L).meta(0).savedDateOrInternal().toEpochMilli()).isEqualTo(INTERNAL);
        assertThat(s.mailboxes.get(2L).meta(0).savedDate()).isNull();
        assertThat(s.mailboxes.get(2L).messages.savedDate(0)).isEqualTo(MessageTable.UNKNOWN_SAVE_DATE);
    }

    private static void apply(StoreState s, JournalRecord r) throws IOException {
        byte[] frame = RecordCodec.frame(r);
        byte[] body = java.util.Arrays.copyOfRange(frame, RecordCodec.HEADER, frame.length);
        RecordCodec.decode(body).apply(s, new ArrayList<>());
    }

    private static MessageRecords.NewMessage message(long uid) {
        return new MessageRecords.NewMessage(uid, INTERNAL, 77, 100, 10, 0, 0, Set.of());
    }

    private static StoreState stateWithTwoMailboxes() {
        StoreState s = new StoreState();
        s.mailboxes.put(1L, new MailboxState(1, "a@example.org", "INBOX", 1, Optional.empty()));
        s.mailboxes.put(2L, new MailboxState(2, "a@example.org", "Archive", 2, Optional.empty()));
        return s;
    }
}
