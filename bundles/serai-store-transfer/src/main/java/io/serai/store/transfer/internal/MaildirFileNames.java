package io.serai.store.transfer.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Maildir file names (cr.yp.to/proto/maildir.html): {@code <time>.<unique>.<host>} plus Dovecot's
 * {@code ,S=<file size>,W=<RFC 822 size>} and the info part {@code :2,<flags>}.
 */
public final class MaildirFileNames {

    /** Delivery order: by the leading timestamp, then by name, so UIDs follow the order mail arrived in. */
    public static final Comparator<String> DELIVERY_ORDER = Comparator
            .comparingLong((String name) -> leadingSeconds(name).orElse(Long.MAX_VALUE))
            .thenComparing(Comparator.naturalOrder());

    private MaildirFileNames() {
    }

    /** The delivery time a Maildir writer put at the start of the name. */
    public static Optional<Instant> timestamp(String name) {
        return leadingSeconds(name).map(Instant::ofEpochSecond);
    }

    private static Optional<Long> leadingSeconds(String name) {
        int end = 0;
        while (end < name.length() && end < 18 && Character.isDigit(name.charAt(end))) {
            end++;
        }
        if (end == 0 || (end < name.length() && name.charAt(end) != '.')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(name.substring(0, end)));
    }

    /**
     * The host part of new names. The spec asks that {@code /} and {@code :} be written as octal escapes so
     * the name stays one path element and the info part stays unambiguous; Dovecot escapes {@code ,} too,
     * since it starts its {@code S=} fields.
     */
    public static String safeHost(String host) {
        return host.replace("/", "\\057").replace(":", "\\072").replace(",", "\\054");
    }

    /** The name in {@code tmp/} while the message is written. */
    public static String tmpName(Instant time, String unique, String safeHost) {
        return time.getEpochSecond() + "." + unique + "." + safeHost;
    }

    /** The final name in {@code cur/}. */
    public static String curName(String tmpName, long fileSize, long rfc822Size, String info) {
        return tmpName + ",S=" + fileSize + ",W=" + rfc822Size + info;
    }
}
