package io.serai.itests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Free TCP ports on 127.0.0.1 for listeners that a test configures now and a Karaf container binds later.
 *
 * <p>{@code new ServerSocket(0)} hands out a port from the kernel's ephemeral range, the same range every outbound
 * connection (JDBC pool, RMI, Pax Exam's own) takes its local port from. Between the moment a test picks such a
 * port and the moment Karaf binds it, a container's outbound connection can take it, and the listener fails with
 * "Address already in use": a node that never comes up. So ports come from below the ephemeral range, each one
 * checked bindable and never handed out twice by this JVM; a random start keeps two JVMs apart.
 */
public final class FreePorts {

    private static final int FIRST = 15_000;
    private static final int LAST = lastBelowEphemeral();
    private static final AtomicInteger NEXT =
            new AtomicInteger(FIRST + ThreadLocalRandom.current().nextInt(Math.max(1, LAST - FIRST)));

    private FreePorts() {
    }

    /** A port that is bindable on 127.0.0.1 now and that this JVM has not handed out before. */
    public static int next() {
        int span = LAST - FIRST + 1;
        for (int tries = 0; tries < span; tries++) {
            int port = FIRST + Math.floorMod(NEXT.getAndIncrement() - FIRST, span);
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port in " + FIRST + ".." + LAST);
    }

    /** {@link #next()} as a configuration value. */
    public static String nextAsString() {
        return Integer.toString(next());
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One below the low end of {@code ip_local_port_range} (32768 on Linux by default). */
    private static int lastBelowEphemeral() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int low = Integer.parseInt(range.split("\\s+")[0]);
            return low - 1 > FIRST + 1_000 ? low - 1 : 32_767;
        } catch (IOException | RuntimeException e) {
            return 32_767;
        }
    }
}
