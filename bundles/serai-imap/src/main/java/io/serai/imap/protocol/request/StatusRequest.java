package io.serai.imap.protocol.request;

import java.util.List;

/** {@code STATUS mailbox (items)} (RFC 9051 §6.3.11). */
public record StatusRequest(String tag, String mailbox, List<StatusItem> items) implements ImapRequest {

    @Override
    public String command() {
        return "STATUS";
    }


    public StatusRequest {
        items = List.copyOf(items);
    }
}
