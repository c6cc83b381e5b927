package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.BinaryItem;
import io.serai.imap.protocol.request.BodySectionItem;
import io.serai.imap.protocol.request.FetchItem;
import io.serai.imap.protocol.request.FetchRequest;
import io.serai.imap.protocol.response.FetchResponse;
import io.serai.imap.protocol.response.FetchValue;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.imap.protocol.response.VanishedResponse;
import io.serai.store.api.FlagUpdate;
import io.serai.store.api.Flags;
import io.serai.store.api.MessageContent;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.StoreException;
import io.serai.store.api.SystemFlag;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * FETCH and UID FETCH (RFC 9051 §6.4.5, §6.4.9). Metadata for the whole set comes in one store call; content is
 * opened per message only when an item needs it. A non-peek body item in a read-write mailbox sets {@code \Seen}
 * first, in one store update, and the response then carries FLAGS. Messages another session expunged meanwhile are
 * left out and the command ends with {@code OK [EXPUNGEISSUED]}; no EXPUNGE is sent during FETCH (RFC 9051 §7.5.1).
 */
final class FetchProcessor implements CommandProcessor<FetchRequest> {

    private static final ResponseCode EXPUNGEISSUED = ResponseCode.of("EXPUNGEISSUED"); // RFC 5530 §3
    private static final ResponseCode UNKNOWN_CTE = ResponseCode.of("UNKNOWN-CTE"); // RFC 3516 §4.3

    @Override
    public void process(FetchRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        SelectedMailbox selected = session.selected();
        int[] msns;
        try {
            msns = selected.resolve(request.set(), request.byUid());
        } catch (IllegalArgumentException e) {
            out.add(StatusResponse.bad(request.tag(), e.getMessage()));
            return;
        }
        if (request.vanished() && !session.qresync()) {
            out.add(StatusResponse.bad(request.tag(), "VANISHED needs ENABLE QRESYNC")); // RFC 7162 §3.2.6
            return;
        }
        List<FetchItem> items = items(request);
        if (items.contains(FetchItem.Simple.MODSEQ)) {
            session.condstoreUsed(); // RFC 7162 §3.1: FETCH MODSEQ and CHANGEDSINCE enable CONDSTORE
        }
        if (request.vanished()) {
            VanishedResponse vanished = VanishedEarlier.duringSession(selected, request.set(), request.changedSince());
            if (!vanished.isEmpty()) {
                out.add(vanished); // before the FETCH responses (RFC 7162 §3.2.6)
            }
        }
        if (request.partial() != null && request.changedSince() < 0) {
            msns = page(msns, request.partial()); // before any metadata is read: paging a huge set stays cheap
        }
        if (msns.length == 0) {
            out.add(StatusResponse.ok(request.tag(), "FETCH completed"));
            return;
        }
        Map<Long, MessageMeta> metas = metas(selected, msns);
        if (request.changedSince() >= 0) { // only messages whose mod-sequence is above it (RFC 7162 §3.1.4.1)
            metas.values().removeIf(m -> m.modSeq() <= request.changedSince());
            msns = Arrays.stream(msns).filter(n -> metas.containsKey(selected.uid(n))).toArray();
            if (request.partial() != null) { // a page of what changed
                msns = page(msns, request.partial());
                java.util.Set<Long> kept = Arrays.stream(msns).mapToObj(n -> selected.uid(n))
                        .collect(java.util.stream.Collectors.toSet());
                metas.keySet().retainAll(kept);
            }
        }
        boolean setsSeen = !selected.readOnly() && items.stream().anyMatch(FetchItem::setsSeen);
        Map<Long, MessageMeta> seenNow = setsSeen ? markSeen(session, selected, metas) : Map.of();
        boolean needsContent = items.stream().anyMatch(i -> !(i instanceof FetchItem.Simple s) || content(s));
        List<ImapResponse> fetched = new ArrayList<>(msns.length);
        boolean skipped = false;
        Map<Long, MessageContent> contents = needsContent ? contents(selected, msns, metas) : Map.of();
        for (int msn : msns) {
            long uid = selected.uid(msn);
            MessageMeta meta = seenNow.getOrDefault(uid, metas.get(uid));
            MessageContent stored = contents.get(uid);
            if (meta == null || (needsContent && stored == null)) { // expunged meanwhile
                skipped = true;
                continue;
            }
            try {
                MessageContent content = needsContent ? new StructureOnce(stored) : null;
                fetched.add(new FetchResponse(msn, values(items, meta, selected.isRecent(uid), content, seenNow.containsKey(uid),
                        session.condstore())));
            } catch (NotFoundException e) {
                skipped = true;
            } catch (UnknownTransferEncodingException e) {
                out.add(StatusResponse.no(request.tag(), UNKNOWN_CTE, e.getMessage()));
                return;
            } catch (IOException e) {
                throw new StoreException("reading message " + uid + " failed", e);
            }
        }
        out.addAll(fetched);
        out.add(skipped ? StatusResponse.ok(request.tag(), EXPUNGEISSUED, "Some messages were expunged meanwhile")
                : StatusResponse.ok(request.tag(), "FETCH completed"));
    }

    /** The messages at the range's positions among {@code msns} (ascending), RFC 9394 §4. */
    private static int[] page(int[] msns, io.serai.imap.protocol.request.ResultRange range) {
        return Arrays.stream(range.slice(Arrays.stream(msns).asLongStream().toArray())).mapToInt(n -> (int) n)
                .toArray();
    }

    /**
     * UID FETCH always returns UID (RFC 9051 §6.4.9); first, as most servers do. CHANGEDSINCE implies MODSEQ
     * (RFC 7162 §3.1.4.1); it goes last.
     */
    private static List<FetchItem> items(FetchRequest request) {
        List<FetchItem> items = new ArrayList<>(request.items().size() + 2);
        if (request.byUid() && !request.items().contains(FetchItem.Simple.UID)) {
            items.add(FetchItem.Simple.UID);
        }
        items.addAll(request.items());
        if (request.changedSince() >= 0 && !items.contains(FetchItem.Simple.MODSEQ)) {
            items.add(FetchItem.Simple.MODSEQ);
        }
        return items;
    }

    private static boolean content(FetchItem.Simple item) {
        return item == FetchItem.Simple.ENVELOPE || item == FetchItem.Simple.BODY
                || item == FetchItem.Simple.BODYSTRUCTURE;
    }

    /** The metadata of the named messages, from one store call over their UID range. */
    private static Map<Long, MessageMeta> metas(SelectedMailbox selected, int[] msns) throws StoreException {
        long first = selected.uid(msns[0]);
        long last = selected.uid(msns[msns.length - 1]);
        List<MessageMeta> list = selected.mailbox().messages(first, last);
        Map<Long, MessageMeta> byUid = new HashMap<>(list.size() * 2);
        for (MessageMeta m : list) {
            byUid.put(m.uid(), m);
        }
        return byUid;
    }

    /**
     * The contents of the messages the FETCH reads, by UID, from one store call in the order they are written: a store
     * with a round trip per message reads them in windows instead ({@link io.serai.store.api.Mailbox#contents}).
     */
    private static Map<Long, MessageContent> contents(SelectedMailbox selected, int[] msns,
                                                      Map<Long, MessageMeta> metas) throws StoreException {
        long[] uids = Arrays.stream(msns).mapToLong(selected::uid).filter(metas::containsKey).toArray();
        Map<Long, MessageContent> byUid = new HashMap<>(uids.length * 2);
        for (MessageContent c : selected.mailbox().contents(uids)) {
            byUid.put(c.meta().uid(), c);
        }
        return byUid;
    }

    /** Sets \Seen on the messages that lack it; returns their new metadata by UID. */
    private static Map<Long, MessageMeta> markSeen(ImapSession session, SelectedMailbox selected,
                                                   Map<Long, MessageMeta> metas) throws StoreException {
        long[] unseen = metas.values().stream().filter(m -> !m.flags().has(SystemFlag.SEEN))
                .mapToLong(MessageMeta::uid).toArray();
        if (unseen.length == 0) {
            return Map.of();
        }
        Map<Long, MessageMeta> updated = new HashMap<>();
        List<MessageMeta> changed = selected.mailbox().updateFlags(unseen, FlagUpdate.add(Flags.of(SystemFlag.SEEN)))
                .updated();
        session.ownFlagChanges(changed); // the FETCH response carries the new FLAGS: no second report
        for (MessageMeta m : changed) {
            updated.put(m.uid(), m);
        }
        return updated;
    }

    /** The implicit FLAGS of a \Seen just set carries MODSEQ once CONDSTORE is on (RFC 7162 §3.1.4). */
    private static List<FetchValue> values(List<FetchItem> items, MessageMeta meta, boolean recent,
                                           MessageContent content,
                                           boolean seenNow, boolean condstore)
            throws IOException, UnknownTransferEncodingException {
        List<FetchValue> values = new ArrayList<>(items.size() + 2);
        // the implicit FLAGS goes first, before the body it follows from, as Dovecot and James send it: a client
        // that stops reading after the literal it asked for still sees the new \Seen
        if (seenNow && !items.contains(FetchItem.Simple.FLAGS)) {
            values.add(new FetchValue.Flags(FlagAtoms.of(meta.flags(), recent)));
        }
        if (seenNow && condstore && !items.contains(FetchItem.Simple.MODSEQ)) {
            values.add(new FetchValue.ModSeq(meta.modSeq()));
        }
        for (FetchItem item : items) {
            values.add(value(item, meta, recent, content));
        }
        return values;
    }

    private static FetchValue value(FetchItem item, MessageMeta meta, boolean recent, MessageContent content)
            throws IOException, UnknownTransferEncodingException {
        if (item instanceof BodySectionItem b) {
            return SectionReader.read(b, content);
        }
        if (item instanceof BinaryItem b) {
            return BinaryReader.read(b, content);
        }
        return switch ((FetchItem.Simple) item) {
            case FLAGS -> new FetchValue.Flags(FlagAtoms.of(meta.flags(), recent));
            case UID -> new FetchValue.Uid(meta.uid());
            case MODSEQ -> new FetchValue.ModSeq(meta.modSeq());
            case INTERNALDATE -> new FetchValue.InternalDate(meta.internalDate());
            case SAVEDATE -> new FetchValue.SaveDate(meta.savedDate());
            case RFC822_SIZE -> new FetchValue.Size(meta.size());
            case ENVELOPE -> new FetchValue.EnvelopeValue(content.structure().envelope());
            case BODY -> new FetchValue.Structure(content.structure().body(), false);
            case BODYSTRUCTURE -> new FetchValue.Structure(content.structure().body(), true);
        };
    }
}
