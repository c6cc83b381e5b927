package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.LoginRequest;

/** {@code "LOGIN" SP userid SP password}, both astrings (RFC 9051 §6.2.3). */
final class LoginDecoder implements CommandDecoder {

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        String user = in.astring();
        in.sp();
        byte[] password = in.astringBytes();
        in.end();
        return new LoginRequest(tag, user, password);
    }
}
