package io.serai.imap.protocol.process;

import io.serai.store.api.Mailbox;
import io.serai.store.api.StoreException;
import io.serai.store.api.SystemFlag;
import io.serai.store.api.search.FlagKey;

/** The UIDs carrying {@code \Deleted}, the ones EXPUNGE and CLOSE remove (RFC 9051 §6.4.3). */
final class DeletedMessages {

    private DeletedMessages() {
    }

    static long[] uids(Mailbox mailbox) throws StoreException {
        return mailbox.search(new FlagKey(SystemFlag.DELETED, true));
    }
}
