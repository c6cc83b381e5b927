package io.serai.store.support.names;

import java.util.Locale;

import io.serai.store.api.Mailboxes;
import io.serai.store.api.StoreException;

/** Canonical forms of addresses and mailbox names. */
public final class Names {
    private Names() {
    }

    public static String address(String address) throws StoreException {
        String a = address.trim().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1) {
            throw new StoreException("not an address: " + address);
        }
        return a;
    }

    public static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    public static String domain(String domain) throws StoreException {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        if (d.isEmpty() || d.contains("@")) {
            throw new StoreException("not a domain: " + domain);
        }
        return d;
    }

    /** INBOX is case-insensitive, also as the first level of a hierarchy (RFC 3501 section 5.1). */
    public static String mailbox(String name) throws StoreException {
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.contains("//")
                || name.indexOf('*') >= 0 || name.indexOf('%') >= 0 || name.length() > 1000) {
            throw new StoreException("invalid mailbox name: " + name);
        }
        int slash = name.indexOf(Mailboxes.DELIMITER);
        String first = slash < 0 ? name : name.substring(0, slash);
        if (first.equalsIgnoreCase(Mailboxes.INBOX)) {
            return Mailboxes.INBOX + (slash < 0 ? "" : name.substring(slash));
        }
        return name;
    }
}
