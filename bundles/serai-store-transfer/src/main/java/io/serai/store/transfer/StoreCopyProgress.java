package io.serai.store.transfer;

/** Called by {@link StoreCopier} after each mailbox batch, so a shell command can print where it is. Must not throw. */
@FunctionalInterface
public interface StoreCopyProgress {

    StoreCopyProgress NONE = (account, mailbox, mailboxCopied, mailboxTotal, copied, bytes) -> { };

    /**
     * @param account       the account being copied
     * @param mailbox       its mailbox being copied
     * @param mailboxCopied messages of this mailbox in the target so far
     * @param mailboxTotal  messages of this mailbox in the source
     * @param copied        messages copied by this run, all mailboxes together
     * @param bytes         their octets
     */
    void progress(String account, String mailbox, long mailboxCopied, long mailboxTotal, long copied, long bytes);
}
