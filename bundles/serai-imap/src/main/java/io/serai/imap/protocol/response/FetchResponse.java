package io.serai.imap.protocol.response;

import java.util.List;

/**
 * {@code * n FETCH (msg-att)} answering a FETCH (RFC 9051 §7.5.2): one value per requested item, in request order,
 * plus FLAGS when the fetch set {@code \Seen}.
 */
public record FetchResponse(long msn, List<FetchValue> values) implements ImapResponse {

    public FetchResponse {
        values = List.copyOf(values);
    }
}
