package io.serai.store.embedded.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.serai.store.api.Accounts;
import io.serai.store.api.AlreadyExistsException;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.QuotaLimits;
import io.serai.store.api.QuotaUsage;
import io.serai.store.api.ScramCredential;
import io.serai.store.api.SpecialUse;
import io.serai.store.api.StoreException;
import io.serai.store.support.auth.ScramHasher;
import io.serai.store.embedded.internal.commit.Decision;
import io.serai.store.embedded.internal.journal.CatalogRecords;
import io.serai.store.embedded.internal.journal.JournalRecord;
import io.serai.store.embedded.internal.journal.MailboxRecords;
import io.serai.store.embedded.internal.state.AccountState;
import io.serai.store.support.names.Names;
import io.serai.store.embedded.internal.state.StoreState;

/** Domains, accounts, credentials, aliases, catch-alls and quotas. PBKDF2 runs on the caller's thread. */
final class AccountsImpl implements Accounts {
    private final StoreImpl store;
    private final StoreState state;

    private final ScramCredential decoy;

    AccountsImpl(StoreImpl store) {
        this.store = store;
        this.state = store.state;
        this.decoy = store.hasher.newCredential("decoy".toCharArray());
    }

    @Override
    public void addDomain(String domain) throws StoreException {
        String d = Names.domain(domain);
        store.execute(s -> {
            if (s.domains.contains(d)) {
                throw new AlreadyExistsException("domain " + d + " exists");
            }
            return Decision.of(null, new CatalogRecords.DomainAdded(d));
        });
    }

    @Override
    public void removeDomain(String domain) throws StoreException {
        String d = Names.domain(domain);
        store.execute(s -> {
            requireDomain(s, d);
            if (s.accounts.keySet().stream().anyMatch(a -> Names.domainOf(a).equals(d))) {
                throw new StoreException("domain " + d + " still has accounts");
            }
            List<JournalRecord> records = new ArrayList<>();
            s.aliases.keySet().stream().filter(a -> Names.domainOf(a).equals(d))
                    .forEach(a -> records.add(new CatalogRecords.AliasRemoved(a)));
            records.add(new CatalogRecords.DomainRemoved(d));
            return new Decision<>(records, null);
        });
    }

    @Override
    public List<String> domains() {
        return store.readCatalog(() -> List.copyOf(state.domains));
    }

    @Override
    public boolean isLocalDomain(String domain) {
        // without waiting for a catalog change in flight: SMTP asks at RCPT, on its network thread
        return state.readCatalogNow(() -> state.domains.contains(domain.trim().toLowerCase(Locale.ROOT)));
    }

    @Override
    public void createAccount(String address, char[] password) throws StoreException {
        String a = Names.address(address);
        ScramCredential credential = store.hasher.newCredential(password);
        store.execute(s -> {
            requireDomain(s, Names.domainOf(a));
            if (s.accounts.containsKey(a) || s.aliases.containsKey(a)) {
                throw new AlreadyExistsException(a + " exists");
            }
            List<JournalRecord> records = new ArrayList<>();
            records.add(new CatalogRecords.AccountCreated(a, credential));
            long validity = Math.max(s.lastUidValidity + 1, System.currentTimeMillis() / 1000);
            records.add(new MailboxRecords.Created(s.nextMailboxId, a, Mailboxes.INBOX, validity, Optional.empty()));
            records.add(new CatalogRecords.SubscriptionSet(a, Mailboxes.INBOX, true));
            for (SpecialUse use : SpecialUse.values()) {
                int k = use.ordinal() + 1;
                records.add(new MailboxRecords.Created(s.nextMailboxId + k, a, use.defaultName(), validity + k,
                        Optional.of(use)));
                records.add(new CatalogRecords.SubscriptionSet(a, use.defaultName(), true));
            }
            return new Decision<>(records, null);
        });
    }

    @Override
    public void deleteAccount(String address) throws StoreException {
        String a = Names.address(address);
        store.execute(s -> {
            s.account(a);
            return Decision.of(null, new CatalogRecords.AccountDeleted(a));
        });
    }

    @Override
    public void setPassword(String address, char[] password) throws StoreException {
        String a = Names.address(address);
        ScramCredential credential = store.hasher.newCredential(password);
        store.execute(s -> {
            s.account(a);
            return Decision.of(null, new CatalogRecords.CredentialSet(a, credential));
        });
    }

    @Override
    public List<String> accounts(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        return store.readCatalog(() -> state.accounts.keySet().stream().filter(a -> Names.domainOf(a).equals(d))
                .sorted().toList());
    }

    @Override
    public Optional<ScramCredential> scramCredential(String address) {
        return account(address).map(a -> a.credential);
    }

    @Override
    public boolean verifyPassword(String address, char[] password) {
        Optional<AccountState> a = account(address);
        if (a.isEmpty()) {
            // same PBKDF2 cost as a real account, so response time does not reveal which accounts exist
            ScramHasher.matches(password, decoy);
            return false;
        }
        return store.verifier.verify(a.get().address, password, a.get().credential);
    }

    @Override
    public void addAlias(String alias, String target) throws StoreException {
        String al = Names.address(alias);
        String t = Names.address(target);
        store.execute(s -> {
            requireDomain(s, Names.domainOf(al));
            s.account(t);
            if (s.accounts.containsKey(al) || s.aliases.containsKey(al)) {
                throw new AlreadyExistsException(al + " exists");
            }
            return Decision.of(null, new CatalogRecords.AliasSet(al, t));
        });
    }

    @Override
    public void removeAlias(String alias) throws StoreException {
        String al = Names.address(alias);
        store.execute(s -> {
            if (!s.aliases.containsKey(al)) {
                throw new NotFoundException("no alias " + al);
            }
            return Decision.of(null, new CatalogRecords.AliasRemoved(al));
        });
    }

    @Override
    public Map<String, String> aliases(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        return store.readCatalog(() -> {
            Map<String, String> out = new TreeMap<>();
            state.aliases.forEach((alias, target) -> {
                if (Names.domainOf(alias).equals(d)) {
                    out.put(alias, target);
                }
            });
            return Collections.unmodifiableMap(out);
        });
    }

    @Override
    public Optional<String> catchAll(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        return store.readCatalog(() -> Optional.ofNullable(state.catchAll.get(d)).filter(t -> !t.isEmpty()));
    }

    @Override
    public void setCatchAll(String domain, Optional<String> target) throws StoreException {
        String d = Names.domain(domain);
        String t = target.isPresent() ? Names.address(target.get()) : "";
        store.execute(s -> {
            requireDomain(s, d);
            if (!t.isEmpty()) {
                s.account(t);
            }
            return Decision.of(null, new CatalogRecords.CatchAllSet(d, t));
        });
    }

    @Override
    public void setQuota(String address, QuotaLimits limits) throws StoreException {
        String a = Names.address(address);
        store.execute(s -> {
            s.account(a);
            return Decision.of(null, new CatalogRecords.QuotaSet(a, limits));
        });
    }

    @Override
    public QuotaUsage quota(String address) throws StoreException {
        String a = Names.address(address);
        AccountState acc = store.readCatalog(() -> state.accounts.get(a));
        if (acc == null) {
            throw new NotFoundException("no account " + a);
        }
        return new QuotaUsage(acc.usedOctets, acc.usedMessages, limits(acc));
    }

    QuotaLimits limits(AccountState a) {
        QuotaLimits l = a.limits;
        return l != null ? l : store.config.defaultQuota();
    }

    private Optional<AccountState> account(String address) {
        try {
            String a = Names.address(address);
            return Optional.ofNullable(store.readCatalog(() -> state.accounts.get(a)));
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    private static void requireDomain(StoreState s, String domain) throws NotFoundException {
        if (!s.domains.contains(domain)) {
            throw new NotFoundException("domain " + domain + " is not local");
        }
    }
}
