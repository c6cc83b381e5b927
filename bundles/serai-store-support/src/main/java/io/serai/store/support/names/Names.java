package io.serai.store.support.names;

import java.util.Locale;

import io.serai.store.api.InvalidNameException;
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

    /**
     * A domain as RFC 5321 section 4.1.2 writes one: dot-separated labels of letters, digits and inner hyphens,
     * with UTF-8 U-labels allowed (RFC 6531 section 3.3); labels of at most 63 octets, the whole at most 255
     * (section 4.5.3.1.2).
     */
    public static String domain(String domain) throws StoreException {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        if (!isDomain(d)) {
            throw new StoreException("not a domain: " + domain);
        }
        return d;
    }

    private static boolean isDomain(String d) {
        if (d.isEmpty() || d.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
            return false;
        }
        for (String label : d.split("\\.", -1)) {
            if (label.isEmpty() || label.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63
                    || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ascii = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                if (!ascii && (c < 0x80 || Character.isWhitespace(c) || Character.isISOControl(c))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** INBOX is case-insensitive, also as the first level of a hierarchy (RFC 3501 section 5.1). */
    public static String mailbox(String name) throws StoreException {
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.contains("//")
                || name.indexOf('*') >= 0 || name.indexOf('%') >= 0 || name.length() > 1000) {
            throw new InvalidNameException("invalid mailbox name: " + name);
        }
        int slash = name.indexOf(Mailboxes.DELIMITER);
        String first = slash < 0 ? name : name.substring(0, slash);
        if (first.equalsIgnoreCase(Mailboxes.INBOX)) {
            return Mailboxes.INBOX + (slash < 0 ? "" : name.substring(slash));
        }
        return name;
    }
}
