package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.SelectRequest;

import java.util.Locale;

/**
 * {@code ("SELECT" / "EXAMINE") SP mailbox [select-params]} (RFC 9051 §6.3.2; select-param CONDSTORE from
 * RFC 7162 §3.2.2). QRESYNC parameters are not decoded yet and are rejected.
 */
final class SelectDecoder implements CommandDecoder {

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        String mailbox = MailboxNames.decode(in.astring(), utf8);
        boolean condstore = false;
        if (in.tryConsume(' ')) {
            for (String param : in.atomList(false)) {
                if (!param.toUpperCase(Locale.ROOT).equals("CONDSTORE")) {
                    throw in.error("Unsupported select parameter " + param);
                }
                condstore = true;
            }
        }
        in.end();
        return new SelectRequest(tag, mailbox, command.equals("EXAMINE"), condstore);
    }
}
