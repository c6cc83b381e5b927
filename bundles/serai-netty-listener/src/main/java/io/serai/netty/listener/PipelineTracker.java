package io.serai.netty.listener;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;

/**
 * Counts pipelines not yet torn down. It sits first in every pipeline, so its {@code handlerRemoved} is the last
 * step of a teardown that hops between the I/O loop and the session executor; {@link NettyListener#stop(Object)}
 * waits for zero before stopping either, so no late task or promise listener meets a terminated executor.
 */
@ChannelHandler.Sharable
public final class PipelineTracker extends ChannelHandlerAdapter {

    private int live;

    @Override
    public synchronized void handlerAdded(ChannelHandlerContext ctx) {
        live++;
    }

    @Override
    public synchronized void handlerRemoved(ChannelHandlerContext ctx) {
        live--;
        notifyAll();
    }

    /** Pipelines that hold this tracker now. */
    public synchronized int live() {
        return live;
    }

    /** Waits until every pipeline is gone, at most {@code millis}. */
    public synchronized void awaitNone(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        for (long left = millis; live > 0 && left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
            wait(left);
        }
    }
}
