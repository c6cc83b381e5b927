package io.serai.imap.protocol.process;

import io.serai.store.api.Accounts;
import io.serai.store.api.MailStore;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.RecipientResolver;
import io.serai.store.api.StoreException;
import io.serai.store.api.event.StoreListener;

import java.util.concurrent.atomic.AtomicInteger;

/** A store that counts its registered listeners, to prove sessions do not leak them. Does not own the delegate. */
public final class CountingStore implements MailStore {

    private final MailStore delegate;
    private final AtomicInteger listeners = new AtomicInteger();

    public CountingStore(MailStore delegate) {
        this.delegate = delegate;
    }

    public int listeners() {
        return listeners.get();
    }

    @Override
    public Accounts accounts() {
        return delegate.accounts();
    }

    @Override
    public RecipientResolver recipients() {
        return delegate.recipients();
    }

    @Override
    public Mailboxes mailboxes(String account) throws StoreException {
        return delegate.mailboxes(account);
    }

    @Override
    public AutoCloseable addListener(StoreListener listener) {
        AutoCloseable registration = delegate.addListener(listener);
        listeners.incrementAndGet();
        boolean[] closed = {false};
        return () -> {
            if (!closed[0]) {
                closed[0] = true;
                listeners.decrementAndGet();
                registration.close();
            }
        };
    }

    @Override
    public void close() {
    }
}
