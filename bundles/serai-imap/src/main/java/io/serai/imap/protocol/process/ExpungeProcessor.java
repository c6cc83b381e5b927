package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.MessageCountResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.StoreException;

import java.util.Arrays;
import java.util.List;

/**
 * EXPUNGE (RFC 9051 §6.4.3). Each removed message is reported with the sequence number it has at that moment, so
 * numbers shift down as earlier ones go (the §6.4.3 example reports 3, 3, 5, 8 for messages 3, 4, 7, 11).
 */
final class ExpungeProcessor implements CommandProcessor<ImapRequest> {

    @Override
    public void process(ImapRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        SelectedMailbox selected = session.selected();
        if (selected.readOnly()) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.CANNOT, "Mailbox is read-only"));
            return;
        }
        long[] deleted = DeletedMessages.uids(selected.mailbox());
        if (deleted.length > 0) {
            ExpungeReport.report(selected, selected.mailbox().expunge(deleted), out);
        }
        // what others expunged meanwhile (even the same messages) is reported with this completion: wait for it
        session.catchUp();
        out.add(ExpungeReport.completed(request.tag(), session, "EXPUNGE completed"));
    }
}
