package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.SimpleRequest;

/** Commands that take no arguments (RFC 9051 §6.1.x, §6.4.1–6.4.3, §6.3.10, RFC 2177 IDLE). */
final class NoArgDecoder implements CommandDecoder {

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.end();
        return new SimpleRequest(tag, command);
    }
}
