package io.serai.store.embedded.internal.state;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

import io.serai.store.api.QuotaLimits;
import io.serai.store.api.ScramCredential;

/** One account: credential, quota and mailbox names. Mutated only by the committer. */
public final class AccountState {
    public final String address;
    public volatile ScramCredential credential;
    /** Null means the store default. */
    public volatile QuotaLimits limits;
    public volatile long usedOctets;
    public volatile long usedMessages;
    public final Map<String, Long> mailboxIds = new ConcurrentSkipListMap<>();
    public final Set<String> subscriptions = new ConcurrentSkipListSet<>();

    public AccountState(String address, ScramCredential credential) {
        this.address = address;
        this.credential = credential;
    }

    /** A detached copy for a snapshot; called on the committer thread, the only writer. */
    public AccountState copy() {
        AccountState a = new AccountState(address, credential);
        a.limits = limits;
        a.usedOctets = usedOctets;
        a.usedMessages = usedMessages;
        a.mailboxIds.putAll(mailboxIds);
        a.subscriptions.addAll(subscriptions);
        return a;
    }

    public void addUsage(long octets, long messages) {
        usedOctets += octets;
        usedMessages += messages;
    }
}
