package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.StatusItem;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.StoreException;
import io.serai.store.api.SystemFlag;
import io.serai.store.api.search.FlagKey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes STATUS items for one mailbox (RFC 9051 §6.3.11), shared by STATUS and LIST-STATUS (RFC 5819). */
final class StatusValues {

    private StatusValues() {
    }

    static Map<StatusItem, Long> of(Mailbox mailbox, List<StatusItem> items, long appendLimit) throws StoreException {
        MailboxInfo info = mailbox.info();
        Map<StatusItem, Long> values = new LinkedHashMap<>();
        for (StatusItem item : items) {
            values.put(item, switch (item) {
                case MESSAGES -> (long) info.messages();
                case UIDNEXT -> info.uidNext();
                case UIDVALIDITY -> info.uidValidity();
                case UNSEEN -> (long) mailbox.search(new FlagKey(SystemFlag.SEEN, false)).length;
                case DELETED -> (long) mailbox.search(new FlagKey(SystemFlag.DELETED, true)).length;
                case SIZE -> info.octets();
                case RECENT -> recent(mailbox); // RFC 3501 §6.3.10; IMAP4rev2 dropped it (RFC 9051 Appendix E)
                case HIGHESTMODSEQ -> info.highestModSeq();
                case APPENDLIMIT -> appendLimit;
                case DELETED_STORAGE -> deletedStorage(mailbox);
            });
        }
        return values;
    }

    /** Messages no session has been told about yet: they would be \\Recent for the next SELECT. */
    private static long recent(Mailbox mailbox) throws StoreException {
        long first = mailbox.firstUnclaimedRecentUid();
        return java.util.Arrays.stream(mailbox.uids()).filter(uid -> uid >= first).count();
    }

    /**
     * What EXPUNGE would free, in 1024-octet units like the STORAGE quota resource (RFC 9208 §4.2; a server with
     * QUOTA=RES-STORAGE supports this item, §3.1.1). Rounded up, so a mailbox with anything deleted reports at least 1.
     */
    private static long deletedStorage(Mailbox mailbox) throws StoreException {
        long octets = 0;
        for (long uid : mailbox.search(new FlagKey(SystemFlag.DELETED, true))) {
            for (MessageMeta m : mailbox.messages(uid, uid)) {
                octets += m.size();
            }
        }
        return (octets + 1023) / 1024;
    }
}
