package io.serai.store.embedded.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.serai.store.api.StoreException;
import io.serai.store.api.restore.RestoredMessage;
import io.serai.store.embedded.internal.blob.BlobSegment;
import io.serai.store.embedded.internal.blob.BlobWrite;
import io.serai.store.embedded.internal.commit.Command;
import io.serai.store.embedded.internal.commit.Decision;
import io.serai.store.embedded.internal.journal.ContentImage;
import io.serai.store.embedded.internal.journal.JournalRecord;
import io.serai.store.embedded.internal.journal.MessageRecords;
import io.serai.store.embedded.internal.state.MessageTable;
import io.serai.store.embedded.internal.state.MailboxState;

/**
 * Adds already stored content with the UIDs and MODSEQs another store gave it (serai:store-copy): all or nothing,
 * quotas not checked, each message its own record so each keeps its own MODSEQ.
 */
final class RestoreCommand implements Command<Void> {
    private final long mailboxId;
    private final List<RestoredMessage> messages;
    private final List<BlobWrite> writes;

    RestoreCommand(long mailboxId, List<RestoredMessage> messages, List<BlobWrite> writes, long imageBudget) {
        this.mailboxId = mailboxId;
        this.messages = messages;
        this.writes = AppendCommand.withinBudget(writes, imageBudget);
    }

    @Override
    public List<BlobSegment> segments() {
        return writes.stream().filter(w -> w.image() == null).map(BlobWrite::segment).distinct().toList();
    }

    @Override
    public List<BlobSegment> journaledSegments() {
        return writes.stream().filter(w -> w.image() != null).map(BlobWrite::segment).distinct().toList();
    }

    @Override
    public Decision<Void> decide(io.serai.store.embedded.internal.state.StoreState s) throws StoreException {
        MailboxState m = s.mailbox(mailboxId);
        long previous = m.uidNext - 1;
        Set<String> keywords = new TreeSet<>();
        for (RestoredMessage r : messages) {
            if (r.uid() <= previous) {
                throw new StoreException("restored UID " + r.uid() + " is not above " + previous + " in " + m.name);
            }
            if (r.uid() > 0xFFFF_FFFFL) {
                throw new StoreException("restored UID " + r.uid() + " is not a 32-bit UID");
            }
            previous = r.uid();
            keywords.addAll(r.flags().keywords());
        }
        if (!m.keywords.fits(keywords)) {
            throw new StoreException("too many keywords in mailbox " + m.name);
        }
        List<JournalRecord> records = new ArrayList<>(2 * writes.size());
        for (BlobWrite w : writes) {
            if (w.image() != null) {
                records.add(new ContentImage(w.ref(), w.image()));
            }
        }
        for (int i = 0; i < writes.size(); i++) {
            RestoredMessage r = messages.get(i);
            BlobWrite w = writes.get(i);
            // the source's save date is kept, like the UID and MODSEQ: a restore is not a new save
            long savedAt = r.savedDate() == null ? MessageTable.UNKNOWN_SAVE_DATE : r.savedDate().toEpochMilli();
            records.add(new MessageRecords.Appended(mailboxId, r.modSeq(), savedAt, List.of(new MessageRecords.NewMessage(
                    r.uid(), r.internalDate().toEpochMilli(), w.ref(), w.size(), w.metaLength(), w.crc(),
                    r.flags().systemBits(), r.flags().keywords()))));
        }
        return new Decision<>(records, null);
    }
}
