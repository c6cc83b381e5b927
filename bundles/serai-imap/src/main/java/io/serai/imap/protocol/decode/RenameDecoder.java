package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.RenameRequest;

/** {@code "RENAME" SP mailbox SP mailbox} (RFC 9051 §6.3.6). */
final class RenameDecoder implements CommandDecoder {

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        String from = MailboxNames.decode(in.astring(), utf8);
        in.sp();
        String to = MailboxNames.decode(in.astring(), utf8);
        in.end();
        return new RenameRequest(tag, from, to);
    }
}
