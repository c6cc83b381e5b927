package io.serai.store.embedded.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import io.serai.store.embedded.internal.journal.DataIo;
import io.serai.store.embedded.internal.state.ExpungeLog;
import io.serai.store.embedded.internal.state.MailboxState;
import io.serai.store.embedded.internal.state.MessageTable;
import io.serai.store.embedded.internal.state.StoreState;
import org.junit.jupiter.api.Test;

/** Snapshot version 3 rows carry the save date; version 2 rows are read with none. */
class SaveDateSnapshotTest {

    @Test
    void version3KeepsTheSaveDateOfEveryRow() throws IOException {
        StoreState s = new StoreState();
        MailboxState m = new MailboxState(1, "a@example.org", "INBOX", 9, Optional.empty());
        m.messages.add(1, 3, 1_000L, 2_000L, 11, 100, 10, 0, 0);
        m.messages.add(2, 4, 1_000L, MessageTable.UNKNOWN_SAVE_DATE, 12,
                100, 10, 0, 0);
        m.uidNext = 3;
        m.highestModSeq = 4;
        s.mailboxes.put(1L, m);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateCodec.write(s, new DataOutputStream(bytes));

        StoreState read = new StoreState();
        StateCodec.read(read, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), 3);

        MailboxState back = read.mailboxes.get(1L);
        assertThat(back.meta(0).savedDate().toEpochMilli()).isEqualTo(2_000L);
        assertThat(back.meta(1).savedDate()).isNull();
        assertThat(back.messages.blobRef(1)).isEqualTo(12);
    }

    @Test
    void version2RowsHaveNoSaveDate() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeLong(2);
        out.writeLong(9);
        DataIo.writeStrings(out, Set.of());
        out.writeInt(0); // aliases
        out.writeInt(0); // catch-alls
        out.writeInt(0); // accounts
        out.writeInt(1); // mailboxes
        out.writeLong(1);
        out.writeUTF("a@example.org");
        out.writeUTF("INBOX");
        out.writeLong(9);
        out.writeByte(-1);
        out.writeLong(2);
        out.writeLong(3);
        out.writeLong(100);
        out.writeInt(0); // keywords
        out.writeInt(1); // rows, each uid, modseq, internal date, blob, keywords, size, meta length, flags
        out.writeLong(1);
        out.writeLong(3);
        out.writeLong(1_000L);
        out.writeLong(11);
        out.writeLong(0);
        out.writeInt(100);
        out.writeInt(10);
        out.writeInt(0);
        new ExpungeLog(0).write(out);

        StoreState read = new StoreState();
        StateCodec.read(read, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), 2);

        MailboxState back = read.mailboxes.get(1L);
        assertThat(back.meta(0).internalDate().toEpochMilli()).isEqualTo(1_000L);
        assertThat(back.meta(0).savedDate()).isNull();
        assertThat(back.meta(0).size()).isEqualTo(100);
        assertThat(back.messages.blobRef(0)).isEqualTo(11);
    }
}
