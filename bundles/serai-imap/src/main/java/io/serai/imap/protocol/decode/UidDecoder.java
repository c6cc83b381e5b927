package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code "UID" SP (copy / move / fetch / search / store / uid-expunge)} (RFC 9051 §6.4.9): reads the sub-command and
 * hands the rest to its decoder, which builds a request flagged as by-UID. Sub-commands register in {@link #register}.
 */
final class UidDecoder implements CommandDecoder {

    private final Map<String, CommandDecoder> subCommands = new HashMap<>();

    UidDecoder() {
        register("FETCH", new FetchDecoder(true));
    }

    void register(String name, CommandDecoder decoder) {
        subCommands.put(name, decoder);
    }

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        String name = in.atom().toUpperCase(Locale.ROOT);
        CommandDecoder decoder = subCommands.get(name);
        if (decoder == null) {
            throw in.error("Unknown UID command " + name);
        }
        return decoder.decode(tag, name, in, utf8);
    }
}
