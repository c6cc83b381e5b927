package io.serai.imap.protocol.process;

import io.serai.imap.protocol.encode.NumberSets;
import io.serai.imap.protocol.request.StoreRequest;
import io.serai.imap.protocol.response.FlagsFetchResponse;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.FlagUpdate;
import io.serai.store.api.FlagUpdateResult;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.StoreException;
import io.serai.store.api.SystemFlag;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * STORE and UID STORE (RFC 9051 §6.4.6, §6.4.9). Without {@code .SILENT} every message of the set that still exists
 * is reported with an untagged FETCH of its flags afterwards, also when they did not change; UID STORE adds the UID.
 * A read-only mailbox (EXAMINE) answers NO. CONDSTORE's UNCHANGEDSINCE maps to {@link FlagUpdate#unchangedSince};
 * the store answers the UIDs that failed it, reported as {@code OK [MODIFIED set]} (RFC 7162 §3.1.3).
 */
final class StoreProcessor implements CommandProcessor<StoreRequest> {

    @Override
    public void process(StoreRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        SelectedMailbox selected = session.selected();
        int[] msns = MessageSets.resolve(selected, request.messages(), request.byUid(), request.tag(), out);
        if (msns == null) {
            return;
        }
        if (selected.readOnly()) {
            out.add(StatusResponse.no(request.tag(), ResponseCode.CANNOT, "Mailbox is read-only"));
            return;
        }
        if (request.unchangedSince().isPresent()) {
            session.condstoreUsed(); // RFC 7162 §3.1: STORE UNCHANGEDSINCE enables CONDSTORE
        }
        long[] uids = MessageSets.uids(selected, msns);
        long[] modified = new long[0];
        if (uids.length > 0) {
            FlagUpdateResult result = selected.mailbox().updateFlags(uids, update(request));
            session.ownFlagChanges(result.updated()); // reported below (or silent): not echoed again as an update
            modified = result.modified();
            Arrays.sort(modified);
            if (!request.silent()) {
                report(selected, msns, uids, result, request.byUid(), out);
            } else if (session.condstore()) {
                // RFC 7162 §3.1.3: even with .SILENT the new MODSEQ of each changed message is reported
                for (MessageMeta m : result.updated()) {
                    int msn = selected.msn(m.uid());
                    if (msn > 0) {
                        out.add(new FlagsFetchResponse(msn, FlagAtoms.of(m.flags()), request.byUid() ? m.uid() : 0,
                                m.modSeq(), true));
                    }
                }
            }
        }
        if (modified.length > 0) {
            // RFC 7162 §3.1.3: the messages that failed the UNCHANGEDSINCE test, as UIDs for UID STORE
            long[] numbers = request.byUid() ? modified
                    : Arrays.stream(modified).map(selected::msn).filter(n -> n > 0).toArray();
            out.add(StatusResponse.ok(request.tag(),
                    new ResponseCode("MODIFIED", NumberSets.compact(numbers)), "Conditional STORE failed"));
            return;
        }
        out.add(StatusResponse.ok(request.tag(), "STORE completed"));
    }

    private static FlagUpdate update(StoreRequest request) {
        EnumSet<SystemFlag> system = EnumSet.noneOf(SystemFlag.class);
        Set<String> keywords = new HashSet<>();
        for (String flag : request.flags()) {
            SystemFlag f = systemFlag(flag);
            if (f != null) {
                system.add(f);
            } else {
                keywords.add(flag);
            }
        }
        Flags flags = Flags.of(system, keywords);
        FlagUpdate update = switch (request.mode()) {
            case ADD -> FlagUpdate.add(flags);
            case REMOVE -> FlagUpdate.remove(flags);
            case REPLACE -> FlagUpdate.replace(flags);
        };
        return request.unchangedSince().isPresent()
                ? update.unchangedSince(request.unchangedSince().getAsLong()) : update;
    }

    /** The decoder spells system flags canonically, so an exact match suffices. */
    private static SystemFlag systemFlag(String flag) {
        for (SystemFlag f : SystemFlag.values()) {
            if (f.imapName().equals(flag)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The store returns only changed messages; the unchanged ones are read back so every message is reported, with
     * MODSEQ once CONDSTORE is on. Messages that failed UNCHANGEDSINCE are left out (RFC 7162 §3.1.3: they are
     * named by MODIFIED instead).
     */
    private static void report(SelectedMailbox selected, int[] msns, long[] uids, FlagUpdateResult result,
                               boolean byUid, List<ImapResponse> out) throws StoreException {
        Map<Long, MessageMeta> metas = new HashMap<>();
        result.updated().forEach(m -> metas.put(m.uid(), m));
        long[] modified = result.modified();
        Arrays.sort(modified);
        if (metas.size() < uids.length) {
            Mailbox mailbox = selected.mailbox();
            for (MessageMeta m : mailbox.messages(uids[0], uids[uids.length - 1])) {
                metas.putIfAbsent(m.uid(), m);
            }
        }
        for (int i = 0; i < msns.length; i++) {
            MessageMeta m = metas.get(uids[i]);
            if (m != null && Arrays.binarySearch(modified, uids[i]) < 0) { // null: expunged meanwhile
                out.add(new FlagsFetchResponse(msns[i], FlagAtoms.of(selected, m), byUid ? uids[i] : 0,
                        selected.modSeqToReport(m.modSeq()), false));
            }
        }
    }
}
