package io.serai.imap.protocol.process;

import io.serai.store.api.Flags;
import io.serai.store.api.SystemFlag;

import java.util.ArrayList;
import java.util.List;

/** Store flags as IMAP flag atoms (RFC 9051 §2.3.2): system flags first, in a stable order, then keywords. */
final class FlagAtoms {

    private FlagAtoms() {
    }

    static List<String> of(Flags flags) {
        List<String> atoms = new ArrayList<>(flags.system().size() + flags.keywords().size());
        for (SystemFlag f : SystemFlag.values()) {
            if (flags.has(f)) {
                atoms.add(f.imapName());
            }
        }
        atoms.addAll(flags.keywords());
        return atoms;
    }
}
