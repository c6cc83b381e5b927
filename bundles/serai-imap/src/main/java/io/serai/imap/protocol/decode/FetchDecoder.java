package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.FetchItem;
import io.serai.imap.protocol.request.FetchRequest;
import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.ResultRange;
import io.serai.imap.protocol.request.SequenceSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att *(SP fetch-att) ")")}
 * {@code [SP "(" fetch-modifier *(SP fetch-modifier) ")"]} (RFC 9051 §6.4.5, RFC 7162 §3.1.4.1, §3.2.6). The same
 * decoder serves {@code UID FETCH} with {@code byUid}.
 */
final class FetchDecoder implements CommandDecoder {

    private static final List<FetchItem> FAST = List.of(FetchItem.Simple.FLAGS, FetchItem.Simple.INTERNALDATE,
            FetchItem.Simple.RFC822_SIZE);
    private static final List<FetchItem> ALL = List.of(FetchItem.Simple.FLAGS, FetchItem.Simple.INTERNALDATE,
            FetchItem.Simple.RFC822_SIZE, FetchItem.Simple.ENVELOPE);
    private static final List<FetchItem> FULL = List.of(FetchItem.Simple.FLAGS, FetchItem.Simple.INTERNALDATE,
            FetchItem.Simple.RFC822_SIZE, FetchItem.Simple.ENVELOPE, FetchItem.Simple.BODY);

    private final boolean byUid;

    FetchDecoder(boolean byUid) {
        this.byUid = byUid;
    }

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        SequenceSet set = in.sequenceSet();
        in.sp();
        List<FetchItem> items = items(in);
        long changedSince = -1;
        boolean vanished = false;
        ResultRange partial = null;
        if (in.tryConsume(' ')) { // fetch-modifiers (RFC 7162 §3.1.4.1, §3.2.6, RFC 9394 §4)
            in.expect('(');
            do {
                String modifier = in.atom().toUpperCase(Locale.ROOT);
                if (modifier.equals("CHANGEDSINCE") && changedSince < 0) {
                    in.sp();
                    changedSince = in.number();
                } else if (modifier.equals("VANISHED") && !vanished) {
                    vanished = true;
                } else if (modifier.equals("PARTIAL") && partial == null) {
                    in.sp();
                    partial = SearchDecoder.range(in);
                } else {
                    throw in.error("Unknown or repeated fetch modifier " + modifier);
                }
            } while (in.tryConsume(' '));
            in.expect(')');
            if (vanished && (!byUid || changedSince < 0)) {
                throw in.error("VANISHED needs UID FETCH with CHANGEDSINCE"); // RFC 7162 §3.2.6
            }
        }
        in.end();
        return new FetchRequest(tag, set, items, byUid, changedSince, vanished, partial);
    }

    private static List<FetchItem> items(ArgumentReader in) throws DecodeException {
        if (in.tryConsume('(')) {
            List<FetchItem> items = new ArrayList<>();
            do {
                items.add(FetchItemDecoder.decode(in));
            } while (in.tryConsume(' '));
            in.expect(')');
            return items;
        }
        String name = in.dottedName().toUpperCase(Locale.ROOT);
        switch (name) {
            case "ALL":
                return ALL;
            case "FAST":
                return FAST;
            case "FULL":
                return FULL;
            default:
                return List.of(FetchItemDecoder.decode(in, name));
        }
    }
}
