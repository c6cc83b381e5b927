package io.serai.metrics.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.function.ToDoubleFunction;

/**
 * The meters every Serai container has whatever it runs: JVM memory, GC, threads, classes, CPU, uptime, and the
 * memory held by Netty's shared pooled allocator (the servers' buffers; it is not in the JVM's heap figures when
 * direct). Closing stops the GC listener.
 */
final class ContainerMeters implements AutoCloseable {

    private final JvmGcMetrics gc = new JvmGcMetrics();

    ContainerMeters(MeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        ByteBufAllocatorMetric netty = PooledByteBufAllocator.DEFAULT.metric();
        nettyMemory(registry, netty, "direct", ByteBufAllocatorMetric::usedDirectMemory);
        nettyMemory(registry, netty, "heap", ByteBufAllocatorMetric::usedHeapMemory);
    }

    private static void nettyMemory(MeterRegistry registry, ByteBufAllocatorMetric netty, String area,
                                    ToDoubleFunction<ByteBufAllocatorMetric> used) {
        Gauge.builder("netty.allocator.memory.used", netty, used)
                .tag("allocator", "pooled").tag("area", area).baseUnit("bytes")
                .description("Memory held by Netty's shared pooled allocator")
                .register(registry);
    }

    @Override
    public void close() {
        gc.close();
    }
}
