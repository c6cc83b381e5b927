package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.UidExpungeRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.StoreException;

import java.util.Arrays;
import java.util.List;

/**
 * UID EXPUNGE (RFC 4315 §2.1, RFC 9051 §6.4.9): like EXPUNGE, but only the {@code \Deleted} messages whose UIDs are
 * in the set, so a client does not remove messages another client marked.
 */
final class UidExpungeProcessor implements CommandProcessor<UidExpungeRequest> {

    @Override
    public void process(UidExpungeRequest request, ImapSession session, List<ImapResponse> out)
            throws StoreException {
        SelectedMailbox selected = session.selected();
        if (selected.readOnly()) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.CANNOT, "Mailbox is read-only"));
            return;
        }
        long[] inSet = MessageSets.uids(selected, selected.resolve(request.uids(), true));
        long[] deleted = Arrays.stream(DeletedMessages.uids(selected.mailbox()))
                .filter(uid -> Arrays.binarySearch(inSet, uid) >= 0).toArray();
        if (deleted.length > 0) {
            ExpungeReport.report(selected, selected.mailbox().expunge(deleted), out);
        }
        // what others expunged meanwhile (even the same messages) is reported with this completion: wait for it
        session.catchUp();
        out.add(ExpungeReport.completed(request.tag(), session, "UID EXPUNGE completed"));
    }
}
