package io.serai.imap.protocol.process;

import io.serai.store.api.Flags;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.SystemFlag;

import java.util.ArrayList;
import java.util.List;

/** Store flags as IMAP flag atoms (RFC 9051 §2.3.2): system flags first, in a stable order, then keywords. */
final class FlagAtoms {

    private FlagAtoms() {
    }

    static List<String> of(Flags flags) {
        return of(flags, false);
    }

    /** With {@code recent}, {@code \\Recent} follows the system flags (RFC 3501 §2.3.2; never for IMAP4rev2). */
    static List<String> of(Flags flags, boolean recent) {
        List<String> atoms = new ArrayList<>(flags.system().size() + flags.keywords().size() + 1);
        for (SystemFlag f : SystemFlag.values()) {
            if (flags.has(f)) {
                atoms.add(f.imapName());
            }
        }
        if (recent) {
            atoms.add("\\Recent");
        }
        atoms.addAll(flags.keywords());
        return atoms;
    }

    /** The flags of a message of the selected mailbox as this session shows them. */
    static List<String> of(SelectedMailbox selected, MessageMeta m) {
        return of(m.flags(), selected.isRecent(m.uid()));
    }
}
