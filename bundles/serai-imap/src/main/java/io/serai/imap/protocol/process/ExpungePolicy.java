package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.ImapRequest;

import java.util.Set;

/**
 * When an untagged EXPUNGE may be sent (RFC 9051 §7.5.1): not while answering FETCH, STORE or SEARCH, because the
 * client could not tell which message a sequence number in the answer meant (§5.5); the UID forms are exempt. COPY
 * and MOVE also take sequence numbers, so they are treated alike (MOVE reports its own EXPUNGEs, RFC 6851 §3.3). A
 * request this policy does not recognise as a UID command is treated as one using sequence numbers: holding an
 * EXPUNGE back is always safe, sending it too early is not.
 */
final class ExpungePolicy {

    private static final Set<String> BY_SEQUENCE_NUMBER = Set.of("FETCH", "STORE", "SEARCH", "COPY", "MOVE");

    private ExpungePolicy() {
    }

    static boolean allowedAfter(ImapRequest request) {
        return !BY_SEQUENCE_NUMBER.contains(request.command());
    }
}
