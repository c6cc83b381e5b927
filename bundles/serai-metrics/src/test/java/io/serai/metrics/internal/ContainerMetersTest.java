package io.serai.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ContainerMetersTest {

    private static final Pattern NETTY_DIRECT = Pattern.compile(
            "(?m)^netty_allocator_memory_used_bytes\\{allocator=\"pooled\",area=\"direct\"\\} (\\S+)$");

    @Test
    void scrapeHasJvmAndNettyMemoryUnderPrometheusNames() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (ContainerMeters meters = new ContainerMeters(registry)) {
            String scrape = registry.scrape(ScrapeServlet.CONTENT_TYPE);
            assertThat(scrape)
                    .contains("# TYPE jvm_memory_used_bytes gauge")
                    .contains("# TYPE jvm_threads_live_threads gauge")
                    .contains("# TYPE process_uptime_seconds gauge")
                    .containsPattern(NETTY_DIRECT);
        } finally {
            registry.close();
        }
    }

    @Test
    void nettyDirectMemoryFollowsThePooledAllocator() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (ContainerMeters meters = new ContainerMeters(registry)) {
            double before = nettyDirect(registry);
            // more than one chunk's worth, so the arena must grow whatever it already held
            ByteBuf held = PooledByteBufAllocator.DEFAULT.directBuffer(32 << 20);
            try {
                assertThat(nettyDirect(registry)).isGreaterThanOrEqualTo(before + (32 << 20));
            } finally {
                held.release();
            }
        } finally {
            registry.close();
        }
    }

    private static double nettyDirect(PrometheusMeterRegistry registry) {
        Matcher m = NETTY_DIRECT.matcher(registry.scrape(ScrapeServlet.CONTENT_TYPE));
        assertThat(m.find()).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
