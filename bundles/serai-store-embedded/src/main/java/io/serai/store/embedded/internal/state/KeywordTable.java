package io.serai.store.embedded.internal.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keywords of one mailbox mapped to bits of a long, so a message's keywords cost 8 bytes. The limit of
 * 64 distinct keywords per mailbox is checked before anything is logged.
 */
public final class KeywordTable {
    public static final int MAX = 64;
    private final List<String> names = new ArrayList<>();

    /** How many of these keywords are not known yet. */
    public int unknownCount(Set<String> keywords) {
        int n = 0;
        for (String k : keywords) {
            if (!names.contains(k)) {
                n++;
            }
        }
        return n;
    }

    public boolean fits(Set<String> keywords) {
        return names.size() + unknownCount(keywords) <= MAX;
    }

    /** Bits for the keywords, registering new ones (deterministic: same order on replay). */
    public long bitsOf(Set<String> keywords) {
        long bits = 0;
        for (String k : keywords) {
            int i = names.indexOf(k);
            if (i < 0) {
                if (names.size() == MAX) {
                    throw new IllegalStateException("more than " + MAX + " keywords");
                }
                names.add(k);
                i = names.size() - 1;
            }
            bits |= 1L << i;
        }
        return bits;
    }

    /** Bits of already known keywords only; unknown ones cannot be set on any message. */
    public long knownBitsOf(Set<String> keywords) {
        long bits = 0;
        for (String k : keywords) {
            int i = names.indexOf(k);
            if (i >= 0) {
                bits |= 1L << i;
            }
        }
        return bits;
    }

    /** Names in bit order, for snapshots. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** Restores the bit assignment of a snapshot. */
    public void restore(List<String> ordered) {
        names.clear();
        names.addAll(ordered);
    }

    public Set<String> namesOf(long bits) {
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < names.size(); i++) {
            if ((bits & (1L << i)) != 0) {
                out.add(names.get(i));
            }
        }
        return out;
    }
}
