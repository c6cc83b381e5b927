package io.serai.store.embedded.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.serai.store.api.FlagUpdate;
import io.serai.store.api.FlagUpdateResult;
import io.serai.store.api.Flags;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.QuotaLimits;
import io.serai.store.api.StoreException;
import io.serai.store.api.UidMapping;
import io.serai.store.embedded.internal.commit.Command;
import io.serai.store.embedded.internal.commit.Decision;
import io.serai.store.embedded.internal.journal.JournalRecord;
import io.serai.store.embedded.internal.journal.MessageRecords;
import io.serai.store.embedded.internal.state.MailboxState;
import io.serai.store.embedded.internal.state.MessageTable;

/** Flag changes, expunges, copies and moves, decided on the committer thread against current state. */
final class MessageCommands {
    private MessageCommands() {
    }

    /** STORE with the UNCHANGEDSINCE test of RFC 7162 section 3.1.3; one new MODSEQ for all changed messages. */
    static Command<FlagUpdateResult> updateFlags(long mailboxId, long[] uids, FlagUpdate update) {
        long[] wanted = sortedDistinct(uids);
        return s -> {
            MailboxState m = s.mailbox(mailboxId);
            if (update.mode() != FlagUpdate.Mode.REMOVE && !m.keywords.fits(update.flags().keywords())) {
                throw new StoreException("too many keywords in mailbox");
            }
            long modSeq = m.highestModSeq + 1;
            List<Long> changed = new ArrayList<>();
            List<Long> modified = new ArrayList<>();
            List<MessageMeta> metas = new ArrayList<>();
            for (long uid : wanted) {
                int i = m.messages.indexOf(uid);
                if (i < 0) {
                    continue;
                }
                if (update.unchangedSince().isPresent() && m.messages.modSeq(i) > update.unchangedSince().getAsLong()) {
                    modified.add(uid);
                    continue;
                }
                Flags before = m.flags(i);
                Flags after = update.applyTo(before);
                if (!after.equals(before)) {
                    changed.add(uid);
                    MessageMeta old = m.meta(i);
                    metas.add(new MessageMeta(uid, modSeq, old.internalDate(), old.size(), after, old.savedDate()));
                }
            }
            FlagUpdateResult result = new FlagUpdateResult(metas, toArray(modified));
            if (changed.isEmpty()) {
                return new Decision<>(List.of(), result);
            }
            return Decision.of(result, new MessageRecords.FlagsChanged(mailboxId, modSeq, update.mode(),
                    update.flags(), toArray(changed)));
        };
    }

    static Command<long[]> expunge(long mailboxId, long[] uids) {
        long[] wanted = sortedDistinct(uids);
        return s -> {
            MailboxState m = s.mailbox(mailboxId);
            long[] present = existing(m.messages, wanted);
            if (present.length == 0) {
                return new Decision<>(List.of(), present);
            }
            return Decision.of(present, new MessageRecords.Expunged(mailboxId, m.highestModSeq + 1, present));
        };
    }

    /**
     * COPY, or MOVE (RFC 6851) as copy plus expunge in the same atomic step. A MOVE into the source mailbox itself
     * gives the messages new UIDs at the end, as Dovecot does.
     */
    static Command<UidMapping> copy(long sourceId, long targetId, long[] uids, boolean move, QuotaLimits quota) {
        long[] wanted = sortedDistinct(uids);
        return s -> {
            MailboxState src = s.mailbox(sourceId);
            MailboxState dst = s.mailbox(targetId);
            long[] present = existing(src.messages, wanted);
            AppendCommand.requireUidSpace(dst, present.length);
            long octets = 0;
            Set<String> keywords = new TreeSet<>();
            for (long uid : present) {
                int i = src.messages.indexOf(uid);
                octets += src.messages.size(i);
                keywords.addAll(src.keywords.namesOf(src.messages.keywords(i)));
            }
            if (!dst.keywords.fits(keywords)) {
                throw new StoreException("too many keywords in target mailbox");
            }
            if (!move || !src.account.equals(dst.account)) {
                AppendCommand.checkQuota(s.account(dst.account), octets, present.length, quota);
            }
            long[] targetUids = new long[present.length];
            for (int k = 0; k < present.length; k++) {
                targetUids[k] = dst.uidNext + k;
            }
            UidMapping mapping = new UidMapping(dst.uidValidity, present, targetUids);
            if (present.length == 0) {
                return new Decision<>(List.of(), mapping);
            }
            List<JournalRecord> records = new ArrayList<>(2);
            records.add(new MessageRecords.Copied(sourceId, targetId, dst.highestModSeq + 1, System.currentTimeMillis(),
                    present, targetUids));
            if (move) {
                // within one mailbox (new UIDs at the end) the expunge is the change after the copy
                long expungeModSeq = sourceId == targetId ? dst.highestModSeq + 2 : src.highestModSeq + 1;
                records.add(new MessageRecords.Expunged(sourceId, expungeModSeq, present));
            }
            return new Decision<>(records, mapping);
        };
    }

    private static long[] existing(MessageTable t, long[] uids) {
        return Arrays.stream(uids).filter(u -> t.indexOf(u) >= 0).toArray();
    }

    private static long[] sortedDistinct(long[] uids) {
        return Arrays.stream(uids).sorted().distinct().toArray();
    }

    private static long[] toArray(List<Long> list) {
        return list.stream().mapToLong(Long::longValue).toArray();
    }
}
