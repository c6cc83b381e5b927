package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.ResultRange;
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
        ReturnOptions options = returnOptions(in);
        String charset = null;
        if (in.tryConsumeAtom("CHARSET")) {
            in.sp();
            charset = in.astring().toUpperCase(Locale.ROOT);
            in.sp();
        }
        SearchCriterion criteria = keys.keyList(in);
        return new SearchRequest(tag, UidDecoder.byUid(command), options.options(), options.partial(), charset,
                criteria);
    }

    /**
     * {@code [search-return-opts SP]}: {@code RETURN (options) SP} if present, else nothing and no options. SORT
     * takes the same options before its criteria (RFC 5267 §3). {@code PARTIAL x:y} (RFC 9394 §3) carries a range;
     * it excludes ALL, which it pages.
     */
    static ReturnOptions returnOptions(ArgumentReader in) throws DecodeException {
        Set<SearchReturn> options = EnumSet.noneOf(SearchReturn.class);
        ResultRange partial = null;
        if (in.tryConsumeAtom("RETURN")) {
            in.sp();
            in.expect('(');
            if (!in.tryConsume(')')) {
                do {
                    String option = in.atom().toUpperCase(Locale.ROOT);
                    SearchReturn r;
                    try {
                        r = SearchReturn.valueOf(option);
                    } catch (IllegalArgumentException e) {
                        throw in.error("Unknown search return option " + option);
                    }
                    if (r == SearchReturn.PARTIAL) {
                        in.sp();
                        partial = range(in);
                    }
                    options.add(r);
                } while (in.tryConsume(' '));
                in.expect(')');
            }
            if (options.isEmpty()) {
                options.add(SearchReturn.ALL); // RFC 4731 §3.1: "RETURN ()" is "RETURN (ALL)"
            }
            if (options.contains(SearchReturn.PARTIAL) && options.contains(SearchReturn.ALL)) {
                throw in.error("PARTIAL and ALL cannot be combined"); // RFC 9394 §3.1
            }
            in.sp();
        }
        return new ReturnOptions(options, partial);
    }

    /** {@code partial-range = nz-number ":" nz-number / "-" nz-number ":" "-" nz-number} (RFC 9394 §6). */
    static ResultRange range(ArgumentReader in) throws DecodeException {
        String text = in.atom();
        java.util.regex.Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            throw in.error("Invalid partial range " + text);
        }
        try {
            return new ResultRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        } catch (IllegalArgumentException e) { // a zero, mixed signs, or a number beyond 64 bits
            throw in.error("Invalid partial range " + text);
        }
    }

    private static final java.util.regex.Pattern RANGE =
            java.util.regex.Pattern.compile("(-?[1-9][0-9]{0,9}):(-?[1-9][0-9]{0,9})");
}
