package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.CopyRequest;
import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.SequenceSet;

/** {@code ("COPY" / "MOVE") SP sequence-set SP mailbox} (RFC 9051 §6.4.7, §6.4.8; RFC 6851 §3). */
final class CopyDecoder implements CommandDecoder {

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        boolean byUid = UidDecoder.byUid(command);
        String name = byUid ? command.substring(4) : command;
        in.sp();
        SequenceSet messages = in.sequenceSet();
        in.sp();
        String mailbox = MailboxNames.decode(in.astring(), utf8);
        in.end();
        return new CopyRequest(tag, name, byUid, messages, mailbox);
    }
}
