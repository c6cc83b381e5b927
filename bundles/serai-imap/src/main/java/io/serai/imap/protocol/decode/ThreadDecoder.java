package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.SearchCriterion;
import io.serai.imap.protocol.request.ThreadAlgorithm;
import io.serai.imap.protocol.request.ThreadRequest;

import java.util.Locale;

/** {@code ["UID" SP] "THREAD" SP thread-alg SP search-criteria} (RFC 5256 §5); the charset is required. */
final class ThreadDecoder implements CommandDecoder {

    private final SearchKeyParser keys = new SearchKeyParser();

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        String name = in.atom().toUpperCase(Locale.ROOT);
        ThreadAlgorithm algorithm;
        try {
            algorithm = ThreadAlgorithm.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw in.error("Unknown thread algorithm " + name);
        }
        in.sp();
        String charset = in.astring().toUpperCase(Locale.ROOT);
        in.sp();
        SearchCriterion search = keys.keyList(in);
        return new ThreadRequest(tag, UidDecoder.byUid(command), algorithm, charset, search);
    }
}
