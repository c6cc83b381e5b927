package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.StatusItem;
import io.serai.imap.protocol.request.StatusRequest;

import java.util.ArrayList;
import java.util.List;

/** {@code "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")"} (RFC 9051 §6.3.11). */
final class StatusDecoder implements CommandDecoder {

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        String mailbox = MailboxNames.decode(in.astring(), utf8);
        in.sp();
        List<StatusItem> items = items(in);
        in.end();
        return new StatusRequest(tag, mailbox, items);
    }

    static List<StatusItem> items(ArgumentReader in) throws DecodeException {
        List<StatusItem> items = new ArrayList<>();
        for (String atom : in.atomList(false)) {
            try {
                items.add(StatusItem.fromWire(atom));
            } catch (IllegalArgumentException e) {
                throw in.error("Unknown status item " + atom);
            }
        }
        return items;
    }
}
