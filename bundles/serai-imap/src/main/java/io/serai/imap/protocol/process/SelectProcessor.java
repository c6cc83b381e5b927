package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.SelectRequest;
import io.serai.imap.protocol.request.SequenceSet;
import io.serai.imap.protocol.response.FlagsFetchResponse;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.MessageCountResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.Status;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.imap.protocol.response.VanishedResponse;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.StoreException;
import io.serai.store.api.SystemFlag;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * SELECT and EXAMINE (RFC 9051 §6.3.2, §6.3.3). A previously selected mailbox is closed first, without expunge,
 * and reported with {@code [CLOSED]} (RFC 9051 §7.1, RFC 7162 §3.2.11); if the new one cannot be opened the session
 * stays authenticated. IMAP4rev1 clients also get {@code RECENT} and {@code [UNSEEN n]} (RFC 3501). The
 * CONDSTORE parameter turns CONDSTORE on; the QRESYNC parameter adds VANISHED (EARLIER) and the changed flags
 * (RFC 7162 §3.1.8, §3.2.5).
 */
final class SelectProcessor implements CommandProcessor<SelectRequest> {

    @Override
    public void process(SelectRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        if (request.qresync() != null && !session.qresync()) {
            out.add(StatusResponse.bad(request.tag(), "QRESYNC needs ENABLE QRESYNC")); // RFC 7162 §3.2.5
            return;
        }
        if (request.condstore()) {
            session.condstoreUsed(); // RFC 7162 §3.1.8
        }
        if (session.selected() != null) {
            session.unselect();
            out.add(StatusResponse.untagged(Status.OK, ResponseCode.CLOSED, "Previous mailbox closed"));
        }
        Mailbox mailbox = session.mailboxes().open(request.mailbox());
        // listen before reading: a change between the reads below and the registration would otherwise be lost;
        // changes already in the snapshot are recognised by UID and mod-sequence and not reported twice
        PendingChanges pending = new PendingChanges(mailbox.id(), session.config().maxPendingChanges());
        AutoCloseable registration = session.config().store().addListener(pending);
        MailboxInfo info;
        List<MessageMeta> messages;
        try {
            info = mailbox.info();
            messages = mailbox.messages();
        } catch (StoreException | RuntimeException e) {
            closeQuietly(registration);
            throw e;
        }
        long[] uids = new long[messages.size()];
        TreeSet<String> keywords = new TreeSet<>();
        int firstUnseen = 0;
        for (int i = 0; i < uids.length; i++) {
            MessageMeta m = messages.get(i);
            uids[i] = m.uid();
            keywords.addAll(m.flags().keywords());
            if (firstUnseen == 0 && !m.flags().has(SystemFlag.SEEN)) {
                firstUnseen = i + 1;
            }
        }
        boolean rev2 = session.enabled().contains("IMAP4REV2");
        long[] recent = rev2 ? new long[0] : recentFor(mailbox, request.readOnly(), info, uids);
        out.add(MessageCountResponse.exists(uids.length));
        if (!rev2) {
            out.add(new MessageCountResponse(recent.length, MessageCountResponse.Kind.RECENT));
            if (firstUnseen > 0) {
                out.add(StatusResponse.untagged(Status.OK, ResponseCode.number("UNSEEN", firstUnseen),
                        "First unseen"));
            }
        }
        out.add(StatusResponse.untagged(Status.OK, ResponseCode.number("UIDVALIDITY", info.uidValidity()),
                "UIDs valid"));
        out.add(StatusResponse.untagged(Status.OK, ResponseCode.number("UIDNEXT", info.uidNext()),
                "Predicted next UID"));
        out.addAll(KeywordAnnouncer.lists(keywords, request.readOnly()));
        // RFC 7162 §3.1.2.1: a CONDSTORE server reports the mailbox's HIGHESTMODSEQ on every SELECT/EXAMINE
        out.add(StatusResponse.untagged(Status.OK, ResponseCode.number("HIGHESTMODSEQ", info.highestModSeq()),
                "Highest"));
        if (request.qresync() != null && request.qresync().uidValidity() == info.uidValidity()) {
            Optional<long[]> expunged = mailbox.expungedSince(request.qresync().modSeq());
            resync(request.qresync(), uids, messages, info.uidNext(), expunged, recent, out);
        }
        session.select(new SelectedMailbox(mailbox, request.mailbox(), request.readOnly(), uids, pending, registration,
                info.highestModSeq()));
        keywords.forEach(session.selected()::announceKeyword);
        if (!rev2) {
            session.selected().trackRecent(recent);
        }
        session.highestModSeqReported();
        out.add(StatusResponse.ok(request.tag(), request.readOnly() ? ResponseCode.READ_ONLY : ResponseCode.READ_WRITE,
                request.command() + " completed"));
    }

    /**
     * The QRESYNC part of SELECT (RFC 7162 §3.2.5): {@code VANISHED (EARLIER)} for the known UIDs that are gone, then
     * {@code FETCH (UID FLAGS MODSEQ)} for the known messages changed since the client's mod-sequence. With another
     * UIDVALIDITY the client's cache is void and nothing of this is sent.
     */
    private static void resync(SelectRequest.Qresync qresync, long[] uids, List<MessageMeta> messages, long uidNext,
                               Optional<long[]> expunged, long[] recent, List<ImapResponse> out) {
        SequenceSet known = qresync.knownUids() != null ? qresync.knownUids()
                : new SequenceSet(List.of(new SequenceSet.Range(1, SequenceSet.STAR)), false);
        // exact from the expunge log where it reaches back to the client's mod-sequence; an expunge after the
        // messages were read is still in uids and is reported later as a plain VANISHED
        VanishedResponse vanished = expunged.map(e -> VanishedEarlier.exact(known, e, uidNext, uids))
                .orElseGet(() -> VanishedEarlier.of(known, uids, uidNext));
        if (!vanished.isEmpty()) {
            out.add(vanished);
        }
        long largest = uids.length == 0 ? 0 : uids[uids.length - 1];
        for (int i = 0; i < messages.size(); i++) {
            MessageMeta m = messages.get(i);
            if (m.modSeq() > qresync.modSeq() && known.contains(m.uid(), largest)) {
                out.add(new FlagsFetchResponse(i + 1, FlagAtoms.of(m.flags(),
                        java.util.Arrays.binarySearch(recent, m.uid()) >= 0), m.uid(), m.modSeq()));
            }
        }
    }

    /**
     * The messages that are {@code \\Recent} for an IMAP4rev1 session (RFC 3501 §2.3.2): SELECT claims everything
     * no session was told about yet, so no other session gets it; EXAMINE shows it without claiming (as Dovecot does).
     */
    private static long[] recentFor(Mailbox mailbox, boolean readOnly, MailboxInfo info, long[] uids)
            throws StoreException {
        long upto = Math.max(info.uidNext(), uids.length == 0 ? 1 : uids[uids.length - 1] + 1);
        long from = readOnly ? mailbox.firstUnclaimedRecentUid() : mailbox.claimRecent(upto);
        return java.util.Arrays.stream(uids).filter(uid -> uid >= from && uid < upto).toArray();
    }

    private static void closeQuietly(AutoCloseable registration) {
        try {
            registration.close();
        } catch (Exception ignored) {
            // nothing registered that could still deliver
        }
    }
}
