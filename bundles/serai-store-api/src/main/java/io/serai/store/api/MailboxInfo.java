package io.serai.store.api;

import java.util.Optional;

/** Status of a mailbox (what SELECT/STATUS report). UIDNEXT and HIGHESTMODSEQ only grow. */
public record MailboxInfo(String name, long uidValidity, long uidNext, long highestModSeq, int messages,
                          long octets, Optional<SpecialUse> specialUse) {
}
