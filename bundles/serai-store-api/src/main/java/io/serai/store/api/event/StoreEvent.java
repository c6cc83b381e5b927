package io.serai.store.api.event;

/** A committed change. Events of one mailbox arrive in commit (MODSEQ) order. */
public sealed interface StoreEvent {

    String account();

    long mailboxId();

    record MessageAdded(String account, long mailboxId, long uid, long modSeq) implements StoreEvent {
    }

    record FlagsChanged(String account, long mailboxId, long uid, long modSeq) implements StoreEvent {
    }

    record MessagesExpunged(String account, long mailboxId, long[] uids, long modSeq) implements StoreEvent {
        public MessagesExpunged {
            uids = uids.clone();
        }

        @Override
        public long[] uids() {
            return uids.clone();
        }
    }

    record MailboxCreated(String account, long mailboxId, String name) implements StoreEvent {
    }

    record MailboxRenamed(String account, long mailboxId, String oldName, String newName) implements StoreEvent {
    }

    record MailboxDeleted(String account, long mailboxId, String name) implements StoreEvent {
    }
}
