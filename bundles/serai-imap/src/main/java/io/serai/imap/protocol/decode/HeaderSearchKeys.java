package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.SearchCriterion;
import io.serai.store.api.search.HeaderKey;

import java.util.Locale;
import java.util.Map;

/**
 * Header keys: BCC, CC, FROM, SUBJECT, TO and {@code HEADER field-name string} (RFC 9051 §6.4.4). Values are
 * astrings (quoted, literal or atom) in the command's CHARSET, read as UTF-8, of which US-ASCII is a subset.
 */
final class HeaderSearchKeys {

    private HeaderSearchKeys() {
    }

    static void registerInto(Map<String, SearchKeyReader> readers) {
        for (String field : new String[] {"Bcc", "Cc", "From", "Subject", "To"}) {
            readers.put(field.toUpperCase(Locale.ROOT), (in, nested) -> {
                in.sp();
                return new SearchCriterion.Store(new HeaderKey(field, SearchStrings.read(in)));
            });
        }
        readers.put("HEADER", (in, nested) -> {
            in.sp();
            String field = in.astring();
            in.sp();
            return new SearchCriterion.Store(new HeaderKey(field, SearchStrings.read(in)));
        });
    }
}
