package io.serai.imap.protocol.process;

import io.serai.imap.protocol.encode.NumberSets;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.store.api.UidMapping;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * {@code [COPYUID uidvalidity source-uids target-uids]} (RFC 4315 §3): both sets in the same order, sorted by source
 * UID and written compactly.
 */
final class CopyUids {

    private CopyUids() {
    }

    static ResponseCode code(UidMapping mapping) {
        long[] source = mapping.sourceUids();
        long[] target = mapping.targetUids();
        Integer[] order = IntStream.range(0, source.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingLong(i -> source[i]));
        long[] s = new long[order.length];
        long[] t = new long[order.length];
        for (int k = 0; k < order.length; k++) {
            s[k] = source[order[k]];
            t[k] = target[order[k]];
        }
        return new ResponseCode("COPYUID", mapping.targetUidValidity() + " " + NumberSets.compact(s) + " "
                + NumberSets.compact(t));
    }
}
