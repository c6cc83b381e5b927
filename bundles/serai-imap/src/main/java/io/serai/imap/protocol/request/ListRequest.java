package io.serai.imap.protocol.request;

import java.util.List;
import java.util.Set;

/**
 * {@code LIST} (RFC 9051 §6.3.9, LIST-EXTENDED RFC 5258) or {@code LSUB} (RFC 3501 §6.3.9).
 *
 * @param selection      selection options in upper case, e.g. {@code SUBSCRIBED}, {@code SPECIAL-USE}
 * @param returns        return options in upper case, e.g. {@code CHILDREN}, {@code SPECIAL-USE}, {@code STATUS}
 * @param statusItems    items of {@code RETURN (STATUS (...))} (LIST-STATUS, RFC 5819), empty if none
 */
public record ListRequest(String tag, boolean lsub, String reference, List<String> patterns, Set<String> selection,
                          Set<String> returns, List<StatusItem> statusItems) implements ImapRequest {

    @Override
    public String command() {
        return lsub ? "LSUB" : "LIST";
    }


    public ListRequest {
        patterns = List.copyOf(patterns);
        selection = Set.copyOf(selection);
        returns = Set.copyOf(returns);
        statusItems = List.copyOf(statusItems);
    }
}
