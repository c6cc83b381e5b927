package io.serai.imap.protocol.response;

import java.util.List;

/**
 * {@code * LIST (attributes) "delimiter" mailbox} (RFC 9051 §7.3.1) or {@code * LSUB ...} (RFC 3501 §7.2.3).
 *
 * @param attributes e.g. {@code \HasNoChildren}, {@code \Sent}, {@code \Subscribed}
 * @param mailbox    the store name; the encoder applies modified UTF-7 unless UTF-8 is enabled
 * @param childInfoSubscribed add {@code ("CHILDINFO" ("SUBSCRIBED"))}: the mailbox is listed only because a descendant
 *                   is subscribed (LIST-EXTENDED RECURSIVEMATCH, RFC 5258 §3.5)
 */
public record ListResponse(boolean lsub, List<String> attributes, char delimiter, String mailbox,
                           boolean childInfoSubscribed) implements ImapResponse {

    public ListResponse {
        attributes = List.copyOf(attributes);
    }

    public ListResponse(boolean lsub, List<String> attributes, char delimiter, String mailbox) {
        this(lsub, attributes, delimiter, mailbox, false);
    }
}
