package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.CopyRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.Mailbox;
import io.serai.store.api.QuotaExceededException;
import io.serai.store.api.StoreException;
import io.serai.store.api.UidMapping;

import java.util.List;

/**
 * COPY and UID COPY (RFC 9051 §6.4.7): {@code [TRYCREATE]} for a missing target, {@code [OVERQUOTA]} (RFC 9208),
 * {@code [COPYUID]} (RFC 4315 §3) on success. A set that names no existing message copies nothing and says OK
 * without COPYUID. Copies into the selected mailbox show up at the next NOOP.
 */
final class CopyProcessor implements CommandProcessor<CopyRequest> {

    @Override
    public void process(CopyRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        SelectedMailbox selected = session.selected();
        int[] msns = MessageSets.resolve(selected, request.messages(), request.byUid(), request.tag(), out);
        if (msns == null) {
            return;
        }
        Mailbox target = CopyTarget.open(session, request, out);
        if (target == null) {
            return;
        }
        if (msns.length == 0) {
            out.add(StatusResponse.ok(request.tag(), "COPY completed"));
            return;
        }
        UidMapping mapping;
        try {
            mapping = selected.mailbox().copyTo(MessageSets.uids(selected, msns), target);
        } catch (QuotaExceededException e) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.of("OVERQUOTA"), "Quota exceeded"));
            return;
        }
        out.add(mapping.sourceUids().length == 0 ? StatusResponse.ok(request.tag(), "COPY completed")
                : StatusResponse.ok(request.tag(), CopyUids.code(mapping), "COPY completed"));
    }
}
