package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.SearchCriterion;
import io.serai.imap.protocol.request.SortCriterion;
import io.serai.imap.protocol.request.SortKey;
import io.serai.imap.protocol.request.SortRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ["UID" SP] "SORT" [SP sort-return-opts] SP sort-criteria SP search-criteria} with {@code sort-criteria =
 * "(" sort-criterion *(SP sort-criterion) ")"} and {@code search-criteria = charset 1*(SP search-key)} (RFC 5256 §5,
 * RFC 5267 §3 for the RETURN options, RFC 5957 for DISPLAYFROM/DISPLAYTO). Unlike SEARCH, the charset is required.
 */
final class SortDecoder implements CommandDecoder {

    private final SearchKeyParser keys = new SearchKeyParser();

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        ReturnOptions options = SearchDecoder.returnOptions(in);
        List<SortCriterion> criteria = sortCriteria(in);
        in.sp();
        String charset = in.astring().toUpperCase(Locale.ROOT);
        in.sp();
        SearchCriterion search = keys.keyList(in);
        return new SortRequest(tag, UidDecoder.byUid(command), options.options(), options.partial(), criteria,
                charset, search);
    }

    private static List<SortCriterion> sortCriteria(ArgumentReader in) throws DecodeException {
        in.expect('(');
        List<SortCriterion> criteria = new ArrayList<>();
        do {
            boolean reverse = false;
            String word = in.atom().toUpperCase(Locale.ROOT);
            if (word.equals("REVERSE")) {
                reverse = true;
                in.sp();
                word = in.atom().toUpperCase(Locale.ROOT);
            }
            try {
                criteria.add(new SortCriterion(SortKey.valueOf(word), reverse));
            } catch (IllegalArgumentException e) {
                throw in.error("Unknown sort key " + word);
            }
        } while (in.tryConsume(' '));
        in.expect(')');
        return criteria;
    }
}
