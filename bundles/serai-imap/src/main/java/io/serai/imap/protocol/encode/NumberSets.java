package io.serai.imap.protocol.encode;

/**
 * Writes numbers as a compact {@code sequence-set} (RFC 9051 §9): runs of consecutive numbers become {@code a:b}.
 * The order is kept, which COPYUID needs (RFC 4315 §3: source and destination sets correspond in order).
 */
public final class NumberSets {

    private NumberSets() {
    }

    /** E.g. {@code [1, 2, 3, 5, 7, 8]} → {@code "1:3,5,7:8"}; an empty array gives an empty string. */
    public static String compact(long[] numbers) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < numbers.length) {
            int j = i;
            while (j + 1 < numbers.length && numbers[j + 1] == numbers[j] + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(numbers[i]);
            if (j > i) {
                sb.append(':').append(numbers[j]);
            }
            i = j + 1;
        }
        return sb.toString();
    }
}
