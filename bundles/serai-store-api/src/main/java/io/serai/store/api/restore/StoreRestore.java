package io.serai.store.api.restore;

import java.util.List;
import java.util.Optional;

import io.serai.store.api.Mailbox;
import io.serai.store.api.ScramCredential;
import io.serai.store.api.SpecialUse;
import io.serai.store.api.StoreException;

/**
 * Writes what another store holds with the identities it has there. Each method is durable on return, so a copy
 * that stops half-way can be resumed by comparing the two stores.
 */
public interface StoreRestore {

    /** Creates an account with this credential and no mailboxes (its domain must be local). */
    void restoreAccount(String address, ScramCredential credential) throws StoreException;

    /**
     * Creates a mailbox with the source's UIDVALIDITY. Fails with {@code AlreadyExistsException} if the name is
     * taken. The store's own UIDVALIDITY allocation stays above every restored value.
     */
    Mailbox restoreMailbox(String account, String name, long uidValidity, Optional<SpecialUse> specialUse)
            throws StoreException;

    /**
     * Appends messages with their source UIDs (ascending, each at least the mailbox's UIDNEXT) and MODSEQs, all or
     * none; quotas are not checked. UIDNEXT and HIGHESTMODSEQ grow past them.
     */
    void restoreMessages(Mailbox mailbox, List<RestoredMessage> messages) throws StoreException;

    /** Raises UIDNEXT and HIGHESTMODSEQ to at least these values (expunged messages leave gaps). */
    void restoreCounters(Mailbox mailbox, long uidNext, long highestModSeq) throws StoreException;
}
