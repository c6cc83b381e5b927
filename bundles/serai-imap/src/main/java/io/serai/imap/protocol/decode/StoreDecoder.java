package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.SequenceSet;
import io.serai.imap.protocol.request.StoreRequest;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * {@code "STORE" SP sequence-set SP store-att-flags} with {@code store-att-flags = (["+" / "-"] "FLAGS"
 * [".SILENT"]) SP (flag-list / (flag *(SP flag)))} (RFC 9051 §6.4.6, §9), with the store modifier
 * {@code (UNCHANGEDSINCE n)} of CONDSTORE before the item (RFC 7162 §3.1.3).
 */
final class StoreDecoder implements CommandDecoder {

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        SequenceSet messages = in.sequenceSet();
        in.sp();
        OptionalLong unchangedSince = OptionalLong.empty();
        if (in.tryConsume('(')) { // store-modifiers (RFC 7162 §3.1.3)
            do {
                String modifier = in.atom().toUpperCase(Locale.ROOT);
                if (!modifier.equals("UNCHANGEDSINCE") || unchangedSince.isPresent()) {
                    throw in.error("Unknown or repeated store modifier " + modifier);
                }
                in.sp();
                unchangedSince = OptionalLong.of(in.number());
            } while (in.tryConsume(' '));
            in.expect(')');
            in.sp();
        }
        StoreRequest.Mode mode = in.tryConsume('+') ? StoreRequest.Mode.ADD
                : in.tryConsume('-') ? StoreRequest.Mode.REMOVE : StoreRequest.Mode.REPLACE;
        String item = in.atom().toUpperCase(Locale.ROOT);
        boolean silent = item.equals("FLAGS.SILENT");
        if (!silent && !item.equals("FLAGS")) {
            throw in.error("Expected FLAGS, +FLAGS or -FLAGS");
        }
        in.sp();
        List<String> flags = in.peek() == '(' ? FlagNames.list(in) : FlagNames.bare(in);
        in.end();
        return new StoreRequest(tag, UidDecoder.byUid(command), messages, mode, silent, flags, unchangedSince);
    }
}
