package io.serai.imap.protocol.request;

import java.util.List;

/**
 * {@code FETCH sequence-set items} and {@code UID FETCH} (RFC 9051 §6.4.5, §6.4.9). The command is {@code FETCH}
 * either way; {@code byUid} says the set holds UIDs.
 */
public record FetchRequest(String tag, SequenceSet set, List<FetchItem> items, boolean byUid) implements ImapRequest {

    public FetchRequest {
        items = List.copyOf(items);
    }

    @Override
    public String command() {
        return "FETCH";
    }
}
