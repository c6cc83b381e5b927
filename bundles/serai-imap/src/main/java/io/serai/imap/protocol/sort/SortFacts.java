package io.serai.imap.protocol.sort;

import java.util.List;

/**
 * What SORT and THREAD compare about one message (RFC 5256 §2.2, §3; RFC 5957), read once from the structure parsed
 * at append. Strings are {@link UnicodeCasemap} keys. A message's content never changes, so facts can be cached by
 * UID for as long as the mailbox's UIDVALIDITY holds.
 *
 * @param sentDate     the Date header in epoch milliseconds, or the internal date if it is missing or unparsable
 * @param subject      the {@link BaseSubject} key
 * @param replyOrForward whether the subject carried a reply or forward marker
 * @param from         addr-mailbox of the first From address, "" if none (likewise {@code to}, {@code cc})
 * @param displayFrom  RFC 5957 §3: display name of the first From address, else its addr-spec (likewise
 *                     {@code displayTo})
 * @param messageId    the Message-ID without angle brackets, or null
 * @param parentIds    the References ids, oldest first, or else the first In-Reply-To id: what REFERENCES threads by
 */
public record SortFacts(long uid, long arrival, long size, long sentDate, String subject, boolean replyOrForward,
                        String from, String to, String cc, String displayFrom, String displayTo, String messageId,
                        List<String> parentIds) {

    public SortFacts {
        parentIds = List.copyOf(parentIds);
    }
}
