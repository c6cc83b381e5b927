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

    AppendCommand(long mailboxId, List<AppendRequest> requests, List<BlobWrite> writes, QuotaLimits defaultQuota) {
        this.mailboxId = mailboxId;
        this.requests = requests;
        this.writes = writes;
        this.defaultQuota = defaultQuota;
    }

    @Override
    public List<BlobSegment> segments() {
        return writes.stream().map(BlobWrite::segment).distinct().toList();
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
        return Decision.of(new AppendResult(m.uidValidity, uids),
                new MessageRecords.Appended(mailboxId, m.highestModSeq + 1, messages));
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
