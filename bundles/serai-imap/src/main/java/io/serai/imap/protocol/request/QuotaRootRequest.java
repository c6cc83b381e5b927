package io.serai.imap.protocol.request;

/** GETQUOTA and SETQUOTA (RFC 9208 §4.1.1, §4.1.3): the quota root; SETQUOTA's limits are not kept (refused). */
public record QuotaRootRequest(String tag, String command, String root) implements ImapRequest {
}
