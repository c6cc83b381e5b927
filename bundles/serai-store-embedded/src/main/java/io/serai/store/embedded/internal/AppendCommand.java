package io.serai.store.embedded.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.serai.store.api.AppendRequest;
import io.serai.store.api.AppendResult;
import io.serai.store.api.QuotaExceededException;
import io.serai.store.api.QuotaLimits;
import io.serai.store.api.StoreException;
import io.serai.store.embedded.internal.blob.BlobSegment;
import io.serai.store.embedded.internal.blob.BlobWrite;
import io.serai.store.embedded.internal.commit.Command;
import io.serai.store.embedded.internal.commit.Decision;
import io.serai.store.embedded.internal.journal.ContentImage;
import io.serai.store.embedded.internal.journal.JournalRecord;
import io.serai.store.embedded.internal.journal.MessageRecords;
import io.serai.store.embedded.internal.state.AccountState;
import io.serai.store.embedded.internal.state.KeywordTable;
import io.serai.store.embedded.internal.state.MailboxState;
import io.serai.store.embedded.internal.state.StoreState;

/** Adds already stored content to a mailbox: all messages of one request get consecutive UIDs, atomically. */
final class AppendCommand implements Command<AppendResult> {
    private final long mailboxId;
    private final List<AppendRequest> requests;
    private final List<BlobWrite> writes;
    private final QuotaLimits defaultQuota;

    /**
     * @param imageBudget how many bytes of message copies ({@link ContentImage}) this append may put in the
     *                    journal; writes beyond it lose their copy and have their segment forced with the commit
     */
    AppendCommand(long mailboxId, List<AppendRequest> requests, List<BlobWrite> writes, QuotaLimits defaultQuota,
                  long imageBudget) {
        this.mailboxId = mailboxId;
        this.requests = requests;
        this.writes = withinBudget(writes, imageBudget);
        this.defaultQuota = defaultQuota;
    }

    static List<BlobWrite> withinBudget(List<BlobWrite> writes, long budget) {
        List<BlobWrite> out = new ArrayList<>(writes.size());
        long left = budget;
        for (BlobWrite w : writes) {
            if (w.image() != null && w.image().length <= left) {
                left -= w.image().length;
                out.add(w);
            } else {
                out.add(w.image() == null ? w : w.withoutImage());
            }
        }
        return out;
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
    public Decision<AppendResult> decide(StoreState s) throws StoreException {
        MailboxState m = s.mailbox(mailboxId);
        requireUidSpace(m, writes.size());
        AccountState a = s.account(m.account);
        long octets = writes.stream().mapToLong(BlobWrite::size).sum();
        checkQuota(a, octets, writes.size(), defaultQuota);
        List<MessageRecords.NewMessage> messages = new ArrayList<>(writes.size());
        long[] uids = new long[writes.size()];
        Set<String> allKeywords = new TreeSet<>();
        for (int i = 0; i < writes.size(); i++) {
            AppendRequest r = requests.get(i);
            BlobWrite w = writes.get(i);
            uids[i] = m.uidNext + i;
            allKeywords.addAll(r.flags().keywords());
            messages.add(new MessageRecords.NewMessage(uids[i], r.internalDate().toEpochMilli(), w.ref(), w.size(),
                    w.metaLength(), w.crc(), r.flags().systemBits(), r.flags().keywords()));
        }
        if (!m.keywords.fits(allKeywords)) {
            throw new StoreException("too many keywords in mailbox (limit " + KeywordTable.MAX + ")");
        }
        List<JournalRecord> records = new ArrayList<>(writes.size() + 1);
        for (BlobWrite w : writes) {
            if (w.image() != null) {
                records.add(new ContentImage(w.ref(), w.image()));
            }
        }
        records.add(new MessageRecords.Appended(mailboxId, m.highestModSeq + 1, System.currentTimeMillis(), messages));
        return new Decision<>(records, new AppendResult(m.uidValidity, uids));
    }

    /** UIDs are 32-bit unsigned (RFC 3501 section 2.3.1.1); past that, the mailbox needs a new UIDVALIDITY. */
    static void requireUidSpace(MailboxState m, int count) throws StoreException {
        if (m.uidNext + count - 1 > 0xFFFF_FFFFL) {
            throw new StoreException("UID space of mailbox " + m.name + " is exhausted");
        }
    }

    static void checkQuota(AccountState a, long octets, long messages, QuotaLimits defaults)
            throws QuotaExceededException {
        QuotaLimits l = a.limits != null ? a.limits : defaults;
        if (a.usedOctets + octets > l.maxOctets() || a.usedMessages + messages > l.maxMessages()) {
            throw new QuotaExceededException("quota of " + a.address + " exceeded");
        }
    }
}
