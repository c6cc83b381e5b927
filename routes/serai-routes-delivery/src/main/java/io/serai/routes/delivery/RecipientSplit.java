package io.serai.routes.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The recipients of one message split into those this server delivers to and those in other domains, which go
 * to the outbound relay. Only an authenticated submission session can name the latter (RelayPolicy). A
 * recipient without a domain ({@code Postmaster}, RFC 5321 §4.5.1) is local.
 */
record RecipientSplit(List<String> local, List<String> remote) {

    static RecipientSplit of(List<String> recipients, Predicate<String> isLocalDomain) {
        List<String> local = new ArrayList<>();
        List<String> remote = new ArrayList<>();
        for (String recipient : recipients) {
            int at = recipient.lastIndexOf('@');
            if (at < 0 || isLocalDomain.test(recipient.substring(at + 1))) {
                local.add(recipient);
            } else {
                remote.add(recipient);
            }
        }
        return new RecipientSplit(List.copyOf(local), List.copyOf(remote));
    }
}
