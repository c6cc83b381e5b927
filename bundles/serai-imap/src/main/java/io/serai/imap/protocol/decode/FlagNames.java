package io.serai.imap.protocol.decode;

import io.serai.store.api.SystemFlag;

import java.util.ArrayList;
import java.util.List;

/**
 * The flags a client may set (RFC 9051 §9 {@code flag}): the five system flags, spelled canonically, and keywords.
 * {@code \Recent} is maintained by the server only (RFC 3501 §2.3.2) and other {@code \}-flags are not defined, so
 * both are syntax errors here.
 */
final class FlagNames {

    private FlagNames() {
    }

    /** {@code flag-list = "(" [flag *(SP flag)] ")"}. */
    static List<String> list(ArgumentReader in) throws DecodeException {
        in.expect('(');
        List<String> flags = new ArrayList<>();
        if (in.tryConsume(')')) {
            return flags;
        }
        do {
            flags.add(flag(in));
        } while (in.tryConsume(' '));
        in.expect(')');
        return flags;
    }

    /** {@code flag *(SP flag)} without parentheses, as STORE allows (RFC 9051 §9 {@code store-att-flags}). */
    static List<String> bare(ArgumentReader in) throws DecodeException {
        List<String> flags = new ArrayList<>();
        do {
            flags.add(flag(in));
        } while (in.tryConsume(' '));
        return flags;
    }

    static String flag(ArgumentReader in) throws DecodeException {
        if (!in.tryConsume('\\')) {
            return in.atom();
        }
        String name = in.atom();
        for (SystemFlag f : SystemFlag.values()) {
            if (f.imapName().substring(1).equalsIgnoreCase(name)) {
                return f.imapName();
            }
        }
        throw in.error(name.equalsIgnoreCase("Recent") ? "\\Recent cannot be stored" : "Unknown flag \\" + name);
    }
}
