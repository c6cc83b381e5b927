package io.serai.netty.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class PipelineTrackerTest {

    @Test
    void countsPipelinesUntilTheyAreTornDown() throws Exception {
        PipelineTracker tracker = new PipelineTracker();
        EmbeddedChannel first = new EmbeddedChannel(tracker);
        EmbeddedChannel second = new EmbeddedChannel(tracker);
        assertThat(tracker.live()).isEqualTo(2);

        first.close().sync();
        assertThat(tracker.live()).isEqualTo(1);
        second.close().sync();

        assertThat(tracker.live()).isZero();
    }

    @Test
    void awaitNoneReturnsOnceTheLastPipelineIsGone() throws Exception {
        PipelineTracker tracker = new PipelineTracker();
        tracker.handlerAdded(null);
        Thread teardown = new Thread(() -> tracker.handlerRemoved(null));
        long start = System.nanoTime();
        teardown.start();

        tracker.awaitNone(30_000);

        assertThat(tracker.live()).isZero();
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
        teardown.join();
    }

    @Test
    void awaitNoneGivesUpAfterItsTime() throws Exception {
        PipelineTracker tracker = new PipelineTracker();
        tracker.handlerAdded(null);
        long start = System.nanoTime();

        tracker.awaitNone(100);

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(100_000_000L);
        assertThat(tracker.live()).isEqualTo(1);
    }
}
