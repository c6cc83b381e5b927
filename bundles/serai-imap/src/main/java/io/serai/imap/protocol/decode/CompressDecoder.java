package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.CompressRequest;
import io.serai.imap.protocol.request.ImapRequest;

import java.util.Locale;

/** {@code "COMPRESS" SP algorithm} (RFC 4978 §4), algorithm an atom. */
final class CompressDecoder implements CommandDecoder {

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        String mechanism = in.atom().toUpperCase(Locale.ROOT);
        in.end();
        return new CompressRequest(tag, command, mechanism);
    }
}
