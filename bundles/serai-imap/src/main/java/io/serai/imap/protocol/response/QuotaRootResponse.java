package io.serai.imap.protocol.response;

import java.util.List;

/** {@code * QUOTAROOT mailbox *(SP quota-root-name)} (RFC 9208 §5.2), possibly without any root. */
public record QuotaRootResponse(String mailbox, List<String> roots) implements ImapResponse {

    public QuotaRootResponse {
        roots = List.copyOf(roots);
    }
}
