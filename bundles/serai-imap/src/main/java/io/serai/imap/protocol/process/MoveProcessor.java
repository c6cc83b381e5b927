package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.CopyRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.Status;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.Mailbox;
import io.serai.store.api.QuotaExceededException;
import io.serai.store.api.StoreException;
import io.serai.store.api.UidMapping;

import java.util.Arrays;
import java.util.List;

/**
 * MOVE and UID MOVE (RFC 6851 §3, RFC 9051 §6.4.8): the store copies and expunges in one step; the client gets
 * {@code * OK [COPYUID ...]} first, then {@code * n EXPUNGE} for each moved message, then the tagged OK
 * (RFC 6851 §4.3). A read-only source cannot lose messages (NO). Moving into the selected mailbox itself gives the
 * messages new UIDs at the end (RFC 6851 does not forbid it; Dovecot does the same): EXPUNGE for the old numbers,
 * then EXISTS for the new ones.
 */
final class MoveProcessor implements CommandProcessor<CopyRequest> {

    @Override
    public void process(CopyRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        SelectedMailbox selected = session.selected();
        int[] msns = MessageSets.resolve(selected, request.messages(), request.byUid(), request.tag(), out);
        if (msns == null) {
            return;
        }
        if (selected.readOnly()) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.CANNOT, "Mailbox is read-only"));
            return;
        }
        Mailbox target = CopyTarget.open(session, request, out);
        if (target == null) {
            return;
        }
        if (msns.length > 0) {
            UidMapping mapping;
            try {
                mapping = selected.mailbox().moveTo(MessageSets.uids(selected, msns), target);
            } catch (QuotaExceededException e) {
                out.add(StatusResponse.no(request.tag(), ResponseCode.of("OVERQUOTA"), "Quota exceeded"));
                return;
            }
            if (mapping.sourceUids().length > 0) {
                out.add(StatusResponse.untagged(Status.OK, CopyUids.code(mapping), "Moved"));
                ExpungeReport.report(selected, mapping.sourceUids(), out);
                if (target.id() == selected.mailbox().id()) {
                    long[] added = mapping.targetUids();
                    session.reportAppended(Arrays.stream(added).max().orElse(0), out);
                }
            }
        }
        out.add(StatusResponse.ok(request.tag(), "MOVE completed"));
    }
}
