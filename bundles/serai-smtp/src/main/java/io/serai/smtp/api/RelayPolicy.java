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

    /**
     * @param localDomains          domains this server is the final destination for (case-insensitive)
     * @param relayForAuthenticated whether authenticated submission sessions may send to other domains
     */
    public RelayPolicy(Set<String> localDomains, boolean relayForAuthenticated) {
        this(lowerCased(localDomains)::contains, relayForAuthenticated);
    }

    private RelayPolicy(Predicate<String> localDomain, boolean relayForAuthenticated) {
        this.localDomain = Objects.requireNonNull(localDomain, "localDomain");
        this.relayForAuthenticated = relayForAuthenticated;
    }

    /** Local delivery only for the given domains; authenticated submission may relay. */
    public static RelayPolicy forDomains(String... domains) {
        return new RelayPolicy(Set.copyOf(Arrays.asList(domains)), true);
    }

    /**
     * Local domains decided by a predicate, called with the lower-cased domain on a session thread (it may
     * look the domain up, e.g. in the mailbox store).
     */
    public static RelayPolicy of(Predicate<String> localDomain, boolean relayForAuthenticated) {
        return new RelayPolicy(localDomain, relayForAuthenticated);
    }

    public boolean isLocal(String domain) {
        return localDomain.test(domain.toLowerCase(Locale.ROOT));
    }

    public boolean relayForAuthenticated() {
        return relayForAuthenticated;
    }

    /** The same local domains with relaying for authenticated submission switched on or off. */
    public RelayPolicy withRelayForAuthenticated(boolean relay) {
        return new RelayPolicy(localDomain, relay);
    }

    private static Set<String> lowerCased(Set<String> domains) {
        return domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
