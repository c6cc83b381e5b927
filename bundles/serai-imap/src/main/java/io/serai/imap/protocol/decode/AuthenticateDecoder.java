package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.AuthenticateRequest;
import io.serai.imap.protocol.request.ImapRequest;

import java.util.Locale;

/** {@code "AUTHENTICATE" SP auth-type [SP (base64 / "=")]} (RFC 9051 §6.2.2, SASL-IR RFC 4959 §3). */
final class AuthenticateDecoder implements CommandDecoder {

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        String mechanism = in.atom().toUpperCase(Locale.ROOT);
        String initial = null;
        if (in.tryConsume(' ')) {
            initial = in.atom(); // base64 chars and "=" are all ATOM-CHARs
        }
        in.end();
        return new AuthenticateRequest(tag, mechanism, initial);
    }
}
