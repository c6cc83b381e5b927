package io.serai.imap.protocol.request;

import java.util.List;

/**
 * {@code FETCH sequence-set items [fetch-modifiers]} and {@code UID FETCH} (RFC 9051 §6.4.5, §6.4.9). The command is
 * {@code FETCH} either way; {@code byUid} says the set holds UIDs.
 *
 * @param changedSince the CONDSTORE {@code CHANGEDSINCE} modifier (RFC 7162 §3.1.4.1), or -1 without it
 * @param vanished     the QRESYNC {@code VANISHED} modifier (RFC 7162 §3.2.6)
 * @param partial      the {@code PARTIAL} modifier (RFC 9394 §4): positions among the messages the set names, or null
 */
public record FetchRequest(String tag, SequenceSet set, List<FetchItem> items, boolean byUid, long changedSince,
                           boolean vanished, ResultRange partial) implements ImapRequest {

    public FetchRequest {
        items = List.copyOf(items);
    }

    public FetchRequest(String tag, SequenceSet set, List<FetchItem> items, boolean byUid, long changedSince,
                        boolean vanished) {
        this(tag, set, items, byUid, changedSince, vanished, null);
    }

    public FetchRequest(String tag, SequenceSet set, List<FetchItem> items, boolean byUid) {
        this(tag, set, items, byUid, -1, false, null);
    }

    @Override
    public String command() {
        return "FETCH";
    }
}
