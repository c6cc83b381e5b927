package io.serai.store.transfer;

/**
 * Progress of an import or export, reported on the calling thread after each batch of messages, so a shell
 * command can print a running count. Must not throw.
 */
@FunctionalInterface
public interface TransferProgress {

    TransferProgress NONE = (mailbox, transferred, skipped) -> { };

    /**
     * @param mailbox     the store mailbox being worked on
     * @param transferred messages transferred so far by this run, all mailboxes together
     * @param skipped     entries skipped so far by this run
     */
    void progress(String mailbox, long transferred, long skipped);
}
