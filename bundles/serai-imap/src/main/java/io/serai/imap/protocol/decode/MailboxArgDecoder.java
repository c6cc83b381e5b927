package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.MailboxRequest;

/** {@code command SP mailbox} for CREATE, DELETE, SUBSCRIBE, UNSUBSCRIBE (RFC 9051 §6.3.3–6.3.8). */
final class MailboxArgDecoder implements CommandDecoder {

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        String mailbox = MailboxNames.decode(in.astring(), utf8);
        in.end();
        return new MailboxRequest(tag, command, mailbox);
    }
}
