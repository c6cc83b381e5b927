package io.serai.store.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.serai.store.api.MailStore;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.ScramCredential;
import io.serai.store.api.StoreException;
import io.serai.store.api.restore.RestoredMessage;
import io.serai.store.api.restore.StoreRestore;
import io.serai.store.transfer.internal.StoreComparison;

/**
 * Copies a whole mail system from one store to another (embedded to PostgreSQL and back) with its identities kept:
 * the same UIDVALIDITY, UIDs, MODSEQs, flags, internal dates and bytes, so IMAP clients do not resynchronise, and
 * the same SCRAM credentials, so passwords keep working though no one knows them. Domains, aliases, catch-alls,
 * quotas and subscriptions come along.
 *
 * <p>Resumable: each batch is durable when written, and a second run skips what the target has (accounts,
 * mailboxes with the same UIDVALIDITY, UIDs below the target's UIDNEXT) and continues. A target mailbox of the same
 * name with another UIDVALIDITY is a conflict the copier refuses (naming it) rather than merge two histories.
 * Messages added to the source during a run are copied by the next run; flag changes to messages already copied
 * are not: verification reports them. Run it while the source is quiet (listeners stopped) for an exact copy.
 */
public final class StoreCopier {
    private final MailStore source;
    private final MailStore target;
    private final StoreRestore restore;
    private final int batch;
    private final StoreCopyProgress progress;
    private long accounts;
    private long mailboxes;
    private long messages;
    private long bytes;
    private long present;

    /**
     * @param batch messages per restore call (each one transaction of the target)
     */
    public StoreCopier(MailStore source, MailStore target, int batch, StoreCopyProgress progress)
            throws StoreException {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1");
        }
        this.source = source;
        this.target = target;
        this.restore = target.restore()
                .orElseThrow(() -> new StoreException("the target store cannot restore identities"));
        this.batch = batch;
        this.progress = progress;
    }

    /** Copies everything; with {@code verify}, compares both stores afterwards, message by message. */
    public StoreCopyReport copy(boolean verify) throws StoreException {
        for (String domain : source.accounts().domains()) {
            if (!target.accounts().isLocalDomain(domain)) {
                target.accounts().addDomain(domain);
            }
        }
        List<String> all = new ArrayList<>();
        for (String domain : source.accounts().domains()) {
            for (String account : source.accounts().accounts(domain)) {
                copyAccount(account);
                all.add(account);
            }
        }
        for (String domain : source.accounts().domains()) {
            copyAddresses(domain);
        }
        List<String> mismatches = verify ? StoreComparison.compare(source, target, all) : List.of();
        return new StoreCopyReport(accounts, mailboxes, messages, bytes, present, mismatches);
    }

    private void copyAccount(String account) throws StoreException {
        Optional<ScramCredential> credential = source.accounts().scramCredential(account);
        if (credential.isEmpty()) {
            return; // deleted meanwhile
        }
        if (target.accounts().scramCredential(account).isEmpty()) {
            restore.restoreAccount(account, credential.get());
            accounts++;
        }
        target.accounts().setQuota(account, source.accounts().quota(account).limits());
        Mailboxes from = source.mailboxes(account);
        Mailboxes to = target.mailboxes(account);
        for (MailboxInfo info : from.list()) {
            copyMailbox(account, from.open(info.name()), info, to);
        }
        List<String> subscribed = to.subscriptions();
        for (String name : from.subscriptions()) {
            if (!subscribed.contains(name)) {
                to.subscribe(name);
            }
        }
    }

    private void copyMailbox(String account, Mailbox from, MailboxInfo info, Mailboxes to) throws StoreException {
        Mailbox into;
        try {
            into = to.open(info.name());
            long validity = into.info().uidValidity();
            if (validity != info.uidValidity()) {
                throw new StoreException("mailbox " + info.name() + " of " + account + " exists in the target with "
                        + "UIDVALIDITY " + validity + ", not " + info.uidValidity() + ": not merged");
            }
        } catch (NotFoundException e) {
            into = restore.restoreMailbox(account, info.name(), info.uidValidity(), info.specialUse());
            mailboxes++;
        }
        long copiedUpTo = into.info().uidNext() - 1;
        List<MessageMeta> pending = from.messages(copiedUpTo + 1, Long.MAX_VALUE);
        long total = from.uids().length;
        present += total - pending.size();
        long done = total - pending.size();
        for (int i = 0; i < pending.size(); i += batch) {
            List<RestoredMessage> chunk = new ArrayList<>(batch);
            for (MessageMeta m : pending.subList(i, Math.min(pending.size(), i + batch))) {
                long uid = m.uid();
                chunk.add(new RestoredMessage(uid, m.modSeq(), m.internalDate(), m.flags(),
                        () -> from.content(uid).openStream(), m.savedDate()));
                bytes += m.size();
            }
            restore.restoreMessages(into, chunk);
            messages += chunk.size();
            done += chunk.size();
            progress.progress(account, info.name(), done, total, messages, bytes);
        }
        MailboxInfo now = from.info();
        restore.restoreCounters(into, now.uidNext(), now.highestModSeq());
        if (pending.isEmpty()) {
            progress.progress(account, info.name(), done, total, messages, bytes);
        }
    }

    private void copyAddresses(String domain) throws StoreException {
        Map<String, String> existing = target.accounts().aliases(domain);
        for (Map.Entry<String, String> alias : source.accounts().aliases(domain).entrySet()) {
            if (!existing.containsKey(alias.getKey())) {
                target.accounts().addAlias(alias.getKey(), alias.getValue());
            }
        }
        Optional<String> catchAll = source.accounts().catchAll(domain);
        if (catchAll.isPresent() && !catchAll.equals(target.accounts().catchAll(domain))) {
            target.accounts().setCatchAll(domain, catchAll);
        }
    }
}
