package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.SearchCriterion;
import io.serai.imap.protocol.request.SearchRequest;
import io.serai.imap.protocol.request.SearchReturn;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code "SEARCH" [search-return-opts] SP search-program} with {@code search-program = ["CHARSET" SP charset SP]
 * search-key *(SP search-key)} (RFC 9051 §6.4.4, §9; RFC 4731 §3.1 for RETURN, RFC 5182 for SAVE). The keys are read
 * by {@link SearchKeyParser}.
 */
final class SearchDecoder implements CommandDecoder {

    private final SearchKeyParser keys = new SearchKeyParser();

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        Set<SearchReturn> options = returnOptions(in);
        String charset = null;
        if (in.tryConsumeAtom("CHARSET")) {
            in.sp();
            charset = in.astring().toUpperCase(Locale.ROOT);
            in.sp();
        }
        SearchCriterion criteria = keys.keyList(in);
        return new SearchRequest(tag, UidDecoder.byUid(command), options, charset, criteria);
    }

    /**
     * {@code [search-return-opts SP]}: {@code RETURN (options) SP} if present, else nothing and an empty set. SORT
     * takes the same options before its criteria (RFC 5267 §3).
     */
    static Set<SearchReturn> returnOptions(ArgumentReader in) throws DecodeException {
        Set<SearchReturn> options = EnumSet.noneOf(SearchReturn.class);
        if (in.tryConsumeAtom("RETURN")) {
            in.sp();
            for (String option : in.atomList(true)) {
                try {
                    options.add(SearchReturn.valueOf(option.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw in.error("Unknown search return option " + option);
                }
            }
            if (options.isEmpty()) {
                options.add(SearchReturn.ALL); // RFC 4731 §3.1: "RETURN ()" is "RETURN (ALL)"
            }
            in.sp();
        }
        return options;
    }
}
