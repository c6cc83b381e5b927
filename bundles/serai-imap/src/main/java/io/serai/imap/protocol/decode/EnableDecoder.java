package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.EnableRequest;
import io.serai.imap.protocol.request.ImapRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code "ENABLE" 1*(SP capability)} (RFC 5161 §3.1). */
final class EnableDecoder implements CommandDecoder {

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        List<String> capabilities = new ArrayList<>();
        do {
            in.sp();
            capabilities.add(in.atom().toUpperCase(Locale.ROOT));
        } while (!in.atEnd());
        return new EnableRequest(tag, capabilities);
    }
}
