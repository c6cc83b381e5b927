package io.serai.imap.protocol.response;

import io.serai.imap.protocol.request.StatusItem;

import java.util.Map;

/** {@code * STATUS mailbox (item value ...)} (RFC 9051 §7.3.4); items in the map's iteration order. */
public record MailboxStatusResponse(String mailbox, Map<StatusItem, Long> values) implements ImapResponse {
}
