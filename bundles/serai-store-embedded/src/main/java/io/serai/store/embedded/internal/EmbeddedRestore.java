package io.serai.store.embedded.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.serai.store.api.AlreadyExistsException;
import io.serai.store.api.Mailbox;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.ScramCredential;
import io.serai.store.api.SpecialUse;
import io.serai.store.api.StoreException;
import io.serai.store.api.restore.RestoredMessage;
import io.serai.store.api.restore.StoreRestore;
import io.serai.store.embedded.internal.blob.BlobWrite;
import io.serai.store.embedded.internal.commit.Decision;
import io.serai.store.embedded.internal.journal.CatalogRecords;
import io.serai.store.embedded.internal.journal.MailboxRecords;
import io.serai.store.embedded.internal.state.AccountState;
import io.serai.store.support.mime.StructureCodec;
import io.serai.store.support.mime.StructureParser;
import io.serai.store.support.names.Names;

/** Writing accounts, mailboxes and messages exactly as another store has them, through the journal. */
final class EmbeddedRestore implements StoreRestore {
    private final StoreImpl store;

    EmbeddedRestore(StoreImpl store) {
        this.store = store;
    }

    @Override
    public void restoreAccount(String address, ScramCredential credential) throws StoreException {
        String a = Names.address(address);
        store.execute(s -> {
            if (!s.domains.contains(Names.domainOf(a))) {
                throw new NotFoundException("domain " + Names.domainOf(a) + " is not local");
            }
            if (s.accounts.containsKey(a) || s.aliases.containsKey(a)) {
                throw new AlreadyExistsException(a + " exists");
            }
            return Decision.of(null, new CatalogRecords.AccountCreated(a, credential));
        });
    }

    @Override
    public Mailbox restoreMailbox(String account, String name, long uidValidity, Optional<SpecialUse> specialUse)
            throws StoreException {
        String a = Names.address(account);
        String n = Names.mailbox(name);
        long id = store.execute(s -> {
            AccountState acc = s.account(a);
            if (acc.mailboxIds.containsKey(n)) {
                throw new AlreadyExistsException("mailbox " + n + " exists");
            }
            long next = s.nextMailboxId;
            return Decision.of(next, new MailboxRecords.Created(next, a, n, uidValidity, specialUse));
        });
        return new MailboxHandle(store, id, a);
    }

    @Override
    public void restoreMessages(Mailbox mailbox, List<RestoredMessage> messages) throws StoreException {
        MailboxHandle target = own(mailbox);
        if (messages.isEmpty()) {
            return;
        }
        target.info(); // fail fast for a mailbox that is gone
        List<BlobWrite> writes = new ArrayList<>(messages.size());
        StructureParser parser = new StructureParser();
        try {
            for (RestoredMessage r : messages) {
                try (InputStream in = r.content().open()) {
                    writes.add(store.blobs.write(in, c -> StructureCodec.encode(parser.parse(c))));
                }
            }
            store.execute(new RestoreCommand(target.id(), List.copyOf(messages), writes, store.imageBudget()));
        } catch (StoreException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new StoreException("reading a restored message failed", e);
        } finally {
            store.blobs.settled(writes);
        }
    }

    @Override
    public void restoreCounters(Mailbox mailbox, long uidNext, long highestModSeq) throws StoreException {
        MailboxHandle target = own(mailbox);
        store.execute(s -> {
            s.mailbox(target.id());
            return Decision.of(null, new MailboxRecords.CountersRaised(target.id(), uidNext, highestModSeq));
        });
    }

    private MailboxHandle own(Mailbox mailbox) throws StoreException {
        if (!(mailbox instanceof MailboxHandle h) || !h.belongsTo(store)) {
            throw new StoreException("not a mailbox of this store");
        }
        return h;
    }
}
