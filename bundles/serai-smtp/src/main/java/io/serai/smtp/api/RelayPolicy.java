package io.serai.smtp.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which recipients a session may name. Recipients in a local domain are accepted if the {@link
 * RecipientValidator} knows them; any other recipient is relaying, allowed only to an authenticated session on
 * a submission listener and when {@code relayForAuthenticated} is set. There is deliberately no way to relay for
 * unauthenticated clients: the server is never an open relay.
 *
 * <p>Whether a domain is local is asked at RCPT time, so a policy backed by the mailbox store sees a domain
 * added while the server runs at once.
 */
public final class RelayPolicy {

    private final Predicate<String> localDomain;
    private final boolean relayForAuthenticated;
    private final boolean mayBlock;

    /**
     * @param localDomains          domains this server is the final destination for (case-insensitive)
     * @param relayForAuthenticated whether authenticated submission sessions may send to other domains
     */
    public RelayPolicy(Set<String> localDomains, boolean relayForAuthenticated) {
        this(lowerCased(localDomains)::contains, relayForAuthenticated, false);
    }

    private RelayPolicy(Predicate<String> localDomain, boolean relayForAuthenticated, boolean mayBlock) {
        this.localDomain = Objects.requireNonNull(localDomain, "localDomain");
        this.relayForAuthenticated = relayForAuthenticated;
        this.mayBlock = mayBlock;
    }

    /** Local delivery only for the given domains; authenticated submission may relay. */
    public static RelayPolicy forDomains(String... domains) {
        return new RelayPolicy(Set.copyOf(Arrays.asList(domains)), true);
    }

    /**
     * Local domains decided by a predicate, called with the lower-cased domain off the network threads (it may
     * block, e.g. on a directory look-up).
     */
    public static RelayPolicy of(Predicate<String> localDomain, boolean relayForAuthenticated) {
        return new RelayPolicy(localDomain, relayForAuthenticated, true);
    }

    /**
     * Local domains decided by a predicate that answers from memory without blocking; RCPT can then be answered
     * on the network thread (if the {@link RecipientValidator} does not block either).
     */
    public static RelayPolicy ofNonBlocking(Predicate<String> localDomain, boolean relayForAuthenticated) {
        return new RelayPolicy(localDomain, relayForAuthenticated, false);
    }

    /** Whether {@link #isLocal} may block, so RCPT must be answered off the network threads. */
    public boolean mayBlock() {
        return mayBlock;
    }

    public boolean isLocal(String domain) {
        return localDomain.test(domain.toLowerCase(Locale.ROOT));
    }

    public boolean relayForAuthenticated() {
        return relayForAuthenticated;
    }

    /** The same local domains with relaying for authenticated submission switched on or off. */
    public RelayPolicy withRelayForAuthenticated(boolean relay) {
        return new RelayPolicy(localDomain, relay, mayBlock);
    }

    private static Set<String> lowerCased(Set<String> domains) {
        return domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
