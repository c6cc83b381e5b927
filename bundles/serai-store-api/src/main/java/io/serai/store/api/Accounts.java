package io.serai.store.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Local domains and their accounts. Account names are full addresses ({@code user@domain}), compared
 * case-insensitively. Passwords are kept only as SCRAM-SHA-256 credentials (RFC 5802, RFC 7677).
 */
public interface Accounts {

    void addDomain(String domain) throws StoreException;

    /** Removes a domain that has no accounts left. */
    void removeDomain(String domain) throws StoreException;

    List<String> domains();

    boolean isLocalDomain(String domain);

    /** Creates the account with INBOX and the SPECIAL-USE mailboxes (RFC 6154). */
    void createAccount(String address, char[] password) throws StoreException;

    /** Deletes the account, its mailboxes and its aliases. */
    void deleteAccount(String address) throws StoreException;

    void setPassword(String address, char[] password) throws StoreException;

    List<String> accounts(String domain);

    /** The stored credential, used by SCRAM-SHA-256 authentication. */
    Optional<ScramCredential> scramCredential(String address);

    /** Checks a plain password (AUTH PLAIN/LOGIN, POP3 USER/PASS). False for unknown accounts. */
    boolean verifyPassword(String address, char[] password);

    /** Makes {@code alias} deliver to the account {@code target}. */
    void addAlias(String alias, String target) throws StoreException;

    void removeAlias(String alias) throws StoreException;

    /** The aliases of a local domain, alias address to target account, sorted by alias; empty for other domains. */
    Map<String, String> aliases(String domain);

    /** Sets (or clears with an empty value) the account that receives mail for unknown local parts. */
    void setCatchAll(String domain, Optional<String> target) throws StoreException;

    /** The account that receives mail for unknown local parts of {@code domain}, if one is set. */
    Optional<String> catchAll(String domain);

    void setQuota(String address, QuotaLimits limits) throws StoreException;

    QuotaUsage quota(String address) throws StoreException;
}
