package io.serai.imap.protocol.decode;

import io.serai.store.api.SystemFlag;

import java.util.ArrayList;
import java.util.List;

/**
 * The flags a client may set (RFC 9051 §9 {@code flag}): the five system flags, spelled canonically, and keywords.
 * {@code \Recent} is maintained by the server only (RFC 3501 §2.3.2): it is accepted and dropped, as Dovecot does,
 * so that {@code STORE 1 FLAGS (\Deleted \Recent)} (clients echoing back the flags they fetched) works. Other
 * {@code \}-flags are not defined and are syntax errors.
 */
final class FlagNames {

    private static final String RECENT = "\\Recent";

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
            add(flags, flag(in));
        } while (in.tryConsume(' '));
        in.expect(')');
        return flags;
    }

    /** {@code flag *(SP flag)} without parentheses, as STORE allows (RFC 9051 §9 {@code store-att-flags}). */
    static List<String> bare(ArgumentReader in) throws DecodeException {
        List<String> flags = new ArrayList<>();
        do {
            add(flags, flag(in));
        } while (in.tryConsume(' '));
        return flags;
    }

    private static void add(List<String> flags, String flag) {
        if (!RECENT.equals(flag)) {
            flags.add(flag);
        }
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
        if (name.equalsIgnoreCase("Recent")) {
            return RECENT;
        }
        throw in.error("Unknown flag \\" + name);
    }
}
