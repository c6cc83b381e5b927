package io.serai.store.embedded.internal.state;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.serai.store.api.Flags;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.SpecialUse;

/**
 * In-memory state of one mailbox. Only the committer thread mutates it, holding the write lock until the
 * change is durable, so readers (under the read lock) never see an unacknowledged change.
 */
public final class MailboxState {
    public final long id;
    public final String account;
    public final long uidValidity;
    public final Optional<SpecialUse> specialUse;
    public final MessageTable messages;
    public final KeywordTable keywords = new KeywordTable();
    public final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    public volatile String name;
    public long uidNext = 1;
    public long highestModSeq = 1;
    public long octets;
    public boolean deleted;
    /** What was expunged, for an exact VANISHED (EARLIER); a new mailbox knows its whole history. */
    public ExpungeLog expunged = new ExpungeLog(0);

    public MailboxState(long id, String account, String name, long uidValidity, Optional<SpecialUse> specialUse) {
        this(id, account, name, uidValidity, specialUse, new MessageTable());
    }

    private MailboxState(long id, String account, String name, long uidValidity, Optional<SpecialUse> specialUse,
                         MessageTable messages) {
        this.messages = messages;
        this.id = id;
        this.account = account;
        this.name = name;
        this.uidValidity = uidValidity;
        this.specialUse = specialUse;
    }

    /** A detached copy for a snapshot; called on the committer thread, the only writer. */
    public MailboxState copy() {
        MailboxState m = new MailboxState(id, account, name, uidValidity, specialUse, messages.copy());
        m.keywords.restore(keywords.names());
        m.uidNext = uidNext;
        m.highestModSeq = highestModSeq;
        m.octets = octets;
        m.deleted = deleted;
        m.expunged = expunged.copy();
        return m;
    }

    /** Caller holds the read lock. */
    public MailboxInfo info() {
        return new MailboxInfo(name, uidValidity, uidNext, highestModSeq, messages.count(), octets, specialUse);
    }

    /** Caller holds the read lock. */
    public MessageMeta meta(int i) {
        return new MessageMeta(messages.uid(i), messages.modSeq(i), Instant.ofEpochMilli(messages.internalDate(i)),
                messages.size(i), Flags.fromBits(messages.flags(i), keywords.namesOf(messages.keywords(i))),
                savedDate(messages.savedDate(i)));
    }

    public Flags flags(int i) {
        return Flags.fromBits(messages.flags(i), keywords.namesOf(messages.keywords(i)));
    }

    /** The save date as the API has it: null when the journal did not record one. */
    public static Instant savedDate(long millis) {
        return millis == MessageTable.UNKNOWN_SAVE_DATE ? null : Instant.ofEpochMilli(millis);
    }
}
