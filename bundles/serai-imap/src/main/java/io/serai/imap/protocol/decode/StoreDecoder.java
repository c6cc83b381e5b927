package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.SequenceSet;
import io.serai.imap.protocol.request.StoreRequest;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * {@code "STORE" SP sequence-set SP store-att-flags} with {@code store-att-flags = (["+" / "-"] "FLAGS"
 * [".SILENT"]) SP (flag-list / (flag *(SP flag)))} (RFC 9051 §6.4.6, §9). Store modifiers (RFC 7162
 * {@code (UNCHANGEDSINCE n)}) are rejected until CONDSTORE is enabled; {@link StoreRequest#unchangedSince()} is
 * where they will go.
 */
final class StoreDecoder implements CommandDecoder {

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        SequenceSet messages = in.sequenceSet();
        in.sp();
        if (in.peek() == '(') {
            throw in.error("Store modifiers need CONDSTORE");
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
        return new StoreRequest(tag, UidDecoder.byUid(command), messages, mode, silent, flags, OptionalLong.empty());
    }
}
