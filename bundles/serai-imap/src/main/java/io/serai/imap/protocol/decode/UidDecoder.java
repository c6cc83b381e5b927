package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code "UID" SP (copy / move / fetch / search / store / uid-expunge)} (RFC 9051 §6.4.9): reads the sub-command
 * and hands the rest to its decoder with the command name {@code "UID " + name}, so the decoder knows that the
 * numbers are UIDs (see {@link #byUid(String)}).
 */
final class UidDecoder implements CommandDecoder {

    private static final String PREFIX = "UID ";

    private final Map<String, CommandDecoder> subCommands = new HashMap<>();

    void register(String subCommand, CommandDecoder decoder) {
        subCommands.put(subCommand, decoder);
    }

    /** Whether a decoder was reached through {@code UID}. */
    static boolean byUid(String command) {
        return command.startsWith(PREFIX);
    }

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        String name = in.atom().toUpperCase(Locale.ROOT);
        CommandDecoder decoder = subCommands.get(name);
        if (decoder == null) {
            throw in.error("Unknown UID command " + name);
        }
        return decoder.decode(tag, PREFIX + name, in, utf8);
    }
}
