package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.SearchCriterion;
import io.serai.store.api.search.ModSeqKey;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code MODSEQ [SP entry-name SP entry-type-req] SP mod-sequence-valzer} (RFC 7162 §3.1.5): messages whose
 * mod-sequence is at least the value. The store keeps one mod-sequence per message, not one per flag, so the optional
 * entry (e.g. {@code "/flags/\\draft" all}) is read and then ignored, which §3.1.5 allows ("the server MAY ignore
 * the entry-name and entry-type-req").
 */
final class ModSeqSearchKeys {

    private static final Set<String> ENTRY_TYPES = Set.of("PRIV", "SHARED", "ALL");

    private ModSeqSearchKeys() {
    }

    static void registerInto(Map<String, SearchKeyReader> readers) {
        readers.put("MODSEQ", (in, nested) -> modSeq(in));
    }

    private static SearchCriterion modSeq(ArgumentReader in) throws DecodeException {
        in.sp();
        if (in.peek() == '"') {
            in.astring();
            in.sp();
            String type = in.atom().toUpperCase(Locale.ROOT);
            if (!ENTRY_TYPES.contains(type)) {
                throw in.error("Expected priv, shared or all");
            }
            in.sp();
        }
        return new SearchCriterion.Store(new ModSeqKey(in.number()));
    }
}
