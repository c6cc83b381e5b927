package io.serai.netty.listener;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a configured bind address exposes, judged from its text alone (no name look-up at start): listeners warn
 * about settings that are harmless on loopback but send passwords or mail in clear on a reachable address.
 */
public final class BindAddresses {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private BindAddresses() {
    }

    /** True for {@code localhost}, 127.0.0.0/8 and ::1; false for wildcards (0.0.0.0, ::) and everything else. */
    public static boolean isLoopback(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches() || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}
