package io.serai.pop3.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.stream.ChunkedInput;
import io.serai.pop3.protocol.Transfer;
import java.nio.ByteBuffer;

/**
 * A RETR/TOP {@link Transfer} as Netty {@link ChunkedInput}: the ChunkedWriteHandler pulls the next chunk only
 * while the channel is writable, so a slow client holds one chunk, never the message. Byte-stuffing rewrites the
 * content, which rules out a zero-copy FileRegion; the stuffed bytes go straight into a pooled I/O buffer.
 */
final class TransferInput implements ChunkedInput<ByteBuf> {

    private final Transfer transfer;
    private long progress;

    TransferInput(Transfer transfer) {
        this.transfer = transfer;
    }

    @Override
    public boolean isEndOfInput() {
        return transfer.isDone();
    }

    @Override
    public ByteBuf readChunk(ByteBufAllocator allocator) throws Exception {
        if (transfer.isDone()) {
            return null;
        }
        // stuffed straight into a (pooled, direct) socket buffer: no byte[] per chunk, no heap-to-direct copy
        int capacity = transfer.maxChunkSize();
        ByteBuf buffer = allocator.ioBuffer(capacity, capacity);
        try {
            ByteBuffer target = buffer.nioBuffer(0, capacity);
            transfer.nextChunk(target);
            buffer.writerIndex(target.position());
            progress += target.position();
            return buffer;
        } catch (Exception | Error e) {
            buffer.release();
            throw e;
        }
    }

    @Override
    @Deprecated
    public ByteBuf readChunk(ChannelHandlerContext ctx) throws Exception {
        return readChunk(ctx.alloc());
    }

    @Override
    public void close() throws Exception {
        transfer.close();
    }

    @Override
    public long length() {
        return -1;
    }

    @Override
    public long progress() {
        return progress;
    }
}
