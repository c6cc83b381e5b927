package io.serai.store.transfer.internal;

import java.util.HashMap;
import java.util.Map;

import io.serai.store.api.Mailbox;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.StoreException;

/** Opens import targets, creating missing mailboxes (and their parents, which the store adds itself). */
public final class MailboxTargets {
    private final Mailboxes mailboxes;
    private final ResultCollector result;
    private final Map<String, Mailbox> open = new HashMap<>();

    public MailboxTargets(Mailboxes mailboxes, ResultCollector result) {
        this.mailboxes = mailboxes;
        this.result = result;
    }

    public Mailbox openOrCreate(String name) throws StoreException {
        Mailbox m = open.get(name);
        if (m != null) {
            return m;
        }
        try {
            m = mailboxes.open(name);
        } catch (NotFoundException e) {
            m = mailboxes.create(name);
            result.created(name);
        }
        open.put(name, m);
        return m;
    }
}
