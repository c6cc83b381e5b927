package io.serai.pop3.protocol;

import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageMeta;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The maildrop as the client sees it during TRANSACTION: the INBOX snapshot taken at login (RFC 1939 §8 lets the
 * message list stay fixed for the session, so mail delivered meanwhile is not shown) and the deletion marks.
 * Message numbers are 1-based positions in the snapshot.
 */
final class Maildrop {

    private final Mailbox mailbox;
    private final long uidValidity;
    private final long[] uids;
    private final long[] sizes;
    private final BitSet deleted = new BitSet();

    Maildrop(Mailbox mailbox, long uidValidity, List<MessageMeta> messages) {
        this.mailbox = mailbox;
        this.uidValidity = uidValidity;
        this.uids = new long[messages.size()];
        this.sizes = new long[messages.size()];
        for (int i = 0; i < uids.length; i++) {
            uids[i] = messages.get(i).uid();
            sizes[i] = messages.get(i).size();
        }
    }

    Mailbox mailbox() {
        return mailbox;
    }

    int count() {
        return uids.length;
    }

    /** Whether {@code number} names a message that exists and is not marked deleted. */
    boolean visible(int number) {
        return number >= 1 && number <= uids.length && !deleted.get(number - 1);
    }

    long uid(int number) {
        return uids[number - 1];
    }

    long size(int number) {
        return sizes[number - 1];
    }

    /**
     * The unique-id listing value (RFC 1939 §7: 1 to 70 characters in 0x21..0x7E). UIDVALIDITY and UID together
     * never name another message, and both survive restarts, so the value is stable across sessions.
     */
    String uidl(int number) {
        return uidValidity + "." + uids[number - 1];
    }

    void markDeleted(int number) {
        deleted.set(number - 1);
    }

    void unmarkAll() {
        deleted.clear();
    }

    int visibleCount() {
        return uids.length - deleted.cardinality();
    }

    long visibleOctets() {
        long total = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (!deleted.get(i)) {
                total += sizes[i];
            }
        }
        return total;
    }

    /** Message numbers marked deleted, ascending. */
    List<Integer> deletedNumbers() {
        List<Integer> numbers = new ArrayList<>();
        deleted.stream().forEach(i -> numbers.add(i + 1));
        return numbers;
    }
}
