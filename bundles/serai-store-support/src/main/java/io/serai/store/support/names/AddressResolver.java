package io.serai.store.support.names;

import java.util.Locale;
import java.util.Optional;

import io.serai.store.api.Recipient;

/**
 * Address to account, the same for every store: exact account, then alias, then {@code local+detail} (RFC 5233)
 * on the base address, then the domain's catch-all. The detail keeps its original case.
 */
public final class AddressResolver {

    /** What the resolver asks the store; names are already in canonical (lower-case) form. */
    public interface Directory {
        boolean isLocalDomain(String domain);

        boolean isAccount(String address);

        /** The target of an alias, if {@code address} is one. */
        Optional<String> aliasTarget(String address);

        Optional<String> catchAll(String domain);
    }

    private AddressResolver() {
    }

    public static Optional<Recipient> resolve(String address, Directory directory) {
        String original = address.trim();
        if (original.startsWith("<") && original.endsWith(">")) {
            original = original.substring(1, original.length() - 1);
        }
        int at = original.lastIndexOf('@');
        if (at <= 0 || at == original.length() - 1) {
            return Optional.empty();
        }
        String local = original.substring(0, at);
        String domain = original.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!directory.isLocalDomain(domain)) {
            return Optional.empty();
        }
        Optional<String> exact = account(local.toLowerCase(Locale.ROOT) + "@" + domain, directory);
        if (exact.isPresent()) {
            return exact.map(a -> new Recipient(a, Optional.empty()));
        }
        int plus = local.indexOf('+');
        if (plus > 0) {
            Optional<String> base = account(local.substring(0, plus).toLowerCase(Locale.ROOT) + "@" + domain,
                    directory);
            if (base.isPresent()) {
                return Optional.of(new Recipient(base.get(), Optional.of(local.substring(plus + 1))));
            }
        }
        return directory.catchAll(domain).filter(directory::isAccount).map(a -> new Recipient(a, Optional.empty()));
    }

    private static Optional<String> account(String address, Directory directory) {
        if (directory.isAccount(address)) {
            return Optional.of(address);
        }
        return directory.aliasTarget(address).filter(directory::isAccount);
    }
}
