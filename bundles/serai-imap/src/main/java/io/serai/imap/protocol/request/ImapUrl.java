package io.serai.imap.protocol.request;

/**
 * A message or part named by an IMAP URL (RFC 5092 §3), as CATENATE uses it (RFC 4469 §5).
 *
 * @param user        the URL's user when it was absolute ({@code imap://user@host/...}), else {@code null}
 * @param mailbox     the store name of the mailbox
 * @param uidValidity the {@code ;UIDVALIDITY=} the message must still have, or 0 when not given
 * @param uid         the message's UID
 * @param section     the part, {@link Section#WHOLE} for the whole message
 * @param partial     the {@code ;PARTIAL=} range, or {@code null}
 */
public record ImapUrl(String user, String mailbox, long uidValidity, long uid, Section section, Partial partial) {
}
