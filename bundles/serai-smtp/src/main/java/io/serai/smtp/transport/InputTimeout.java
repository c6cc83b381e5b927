package io.serai.smtp.transport;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.serai.smtp.api.Limits;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The RFC 5321 §4.5.3.2 timeouts of one session: the command timeout while waiting for a command, the data
 * timeout while reading message data, none while the server itself is busy. One scheduled check per period
 * rather than one timer per line; checked at least every shortest timeout, so a switch to data mode is
 * noticed in time. Runs on the session's executor.
 */
final class InputTimeout {

    private final Limits limits;
    private final EventExecutor executor;
    private final BooleanSupplier readingData;
    private final BooleanSupplier serverBusy;
    private final Runnable onTimeout;
    private long lastInputNanos;
    private ScheduledFuture<?> check;
    private boolean stopped;

    InputTimeout(Limits limits, EventExecutor executor, BooleanSupplier readingData, BooleanSupplier serverBusy,
                 Runnable onTimeout) {
        this.limits = limits;
        this.executor = executor;
        this.readingData = readingData;
        this.serverBusy = serverBusy;
        this.onTimeout = onTimeout;
    }

    /** Input arrived, or the server is ready for input again: the idle time starts afresh. */
    void touch() {
        lastInputNanos = System.nanoTime();
        if (check == null && !stopped) {
            schedule(shortest());
        }
    }

    void stop() {
        stopped = true;
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }

    private void schedule(long delayNanos) {
        check = executor.schedule(this::run, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void run() {
        check = null;
        if (stopped) {
            return;
        }
        long limit = (readingData.getAsBoolean() ? limits.dataTimeout() : limits.commandTimeout()).toNanos();
        long idle = System.nanoTime() - lastInputNanos;
        boolean busy = serverBusy.getAsBoolean();
        if (busy || idle < limit) {
            schedule(Math.min(busy ? limit : limit - idle, shortest()));
        } else {
            stopped = true;
            onTimeout.run();
        }
    }

    private long shortest() {
        return Math.min(limits.dataTimeout().toNanos(), limits.commandTimeout().toNanos());
    }
}
