package io.serai.smtp.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which recipients a session may name. Recipients in a local domain are accepted if the {@link
 * RecipientValidator} knows them; any other recipient is relaying, allowed only to an authenticated session on
 * a submission listener and when {@code relayForAuthenticated} is set. There is deliberately no way to relay for
 * unauthenticated clients: the server is never an open relay.
 *
 * @param localDomains          domains this server is the final destination for (case-insensitive)
 * @param relayForAuthenticated whether authenticated submission sessions may send to other domains
 */
public record RelayPolicy(Set<String> localDomains, boolean relayForAuthenticated) {

    public RelayPolicy {
        localDomains = localDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Local delivery only for the given domains; authenticated submission may relay. */
    public static RelayPolicy localDomains(String... domains) {
        return new RelayPolicy(Set.copyOf(Arrays.asList(domains)), true);
    }

    public boolean isLocal(String domain) {
        return localDomains.contains(domain.toLowerCase(Locale.ROOT));
    }
}
