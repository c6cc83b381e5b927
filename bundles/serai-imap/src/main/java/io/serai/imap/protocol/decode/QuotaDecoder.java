package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.QuotaRootRequest;

import java.nio.charset.StandardCharsets;

/**
 * {@code "GETQUOTA" SP quota-root-name} and {@code "SETQUOTA" SP quota-root-name SP setquota-list} with
 * {@code setquota-list = "(" [setquota-resource *(SP setquota-resource)] ")"} and
 * {@code setquota-resource = resource-name SP resource-limit} (RFC 9208 §7).
 */
final class QuotaDecoder implements CommandDecoder {

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        String root = new String(in.astringBytes(), StandardCharsets.UTF_8);
        if (command.equals("SETQUOTA")) {
            in.sp();
            in.expect('(');
            if (!in.tryConsume(')')) {
                do {
                    in.atom();
                    in.sp();
                    in.number();
                } while (in.tryConsume(' '));
                in.expect(')');
            }
        }
        in.end();
        return new QuotaRootRequest(tag, command, root);
    }
}
