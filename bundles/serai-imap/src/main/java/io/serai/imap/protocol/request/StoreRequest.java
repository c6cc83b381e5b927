package io.serai.imap.protocol.request;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code [UID] STORE sequence-set [store-modifiers] store-att-flags} (RFC 9051 §6.4.6, §6.4.9).
 *
 * @param flags          flag atoms, system flags in their canonical spelling (e.g. {@code \Seen}), keywords as sent
 * @param silent         {@code .SILENT}: no untagged FETCH for the changed messages
 * @param unchangedSince the CONDSTORE {@code UNCHANGEDSINCE} modifier (RFC 7162 §3.1.3); empty until CONDSTORE is
 *                       decoded
 */
public record StoreRequest(String tag, boolean byUid, SequenceSet messages, Mode mode, boolean silent,
                           List<String> flags, OptionalLong unchangedSince) implements ImapRequest {

    /** {@code FLAGS}, {@code +FLAGS}, {@code -FLAGS}. */
    public enum Mode { REPLACE, ADD, REMOVE }

    public StoreRequest {
        flags = List.copyOf(flags);
    }

    @Override
    public String command() {
        return "STORE";
    }
}
