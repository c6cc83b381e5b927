package io.serai.store.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.function.BooleanSupplier;

/**
 * A file channel whose writes fail like a full disk (ENOSPC) while {@code full} says so, and whose
 * fsync fails like a dying disk (EIO) while {@code broken} says so; {@code beforeForce} runs first in every
 * force (a test may throw from it, e.g. to act like an interrupt that closed the channel).
 */
final class FailingChannel extends FileChannel {
    private final FileChannel delegate;
    private final BooleanSupplier full;
    private final BooleanSupplier broken;
    private final ForceHook beforeForce;

    /** Runs at the start of {@link #force}; may throw. */
    @FunctionalInterface
    interface ForceHook {
        void run(FileChannel channel) throws IOException;
    }

    FailingChannel(FileChannel delegate, BooleanSupplier full) {
        this(delegate, full, () -> false);
    }

    FailingChannel(FileChannel delegate, BooleanSupplier full, BooleanSupplier broken) {
        this(delegate, full, broken, channel -> { });
    }

    FailingChannel(FileChannel delegate, BooleanSupplier full, BooleanSupplier broken, ForceHook beforeForce) {
        this.delegate = delegate;
        this.full = full;
        this.broken = broken;
        this.beforeForce = beforeForce;
    }

    private void check() throws IOException {
        if (full.getAsBoolean()) {
            throw new IOException("No space left on device");
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return delegate.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return delegate.read(dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        check();
        return delegate.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        check();
        return delegate.write(srcs, offset, length);
    }

    @Override
    public long position() throws IOException {
        return delegate.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        delegate.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        delegate.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        beforeForce.run(this);
        if (broken.getAsBoolean()) {
            throw new IOException("Input/output error");
        }
        delegate.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return delegate.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        check();
        return delegate.transferFrom(src, position, count);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return delegate.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        if (full.getAsBoolean() && src.remaining() > 7) {
            // a full disk often accepts part of a write first: store a few bytes, then fail
            ByteBuffer part = src.duplicate();
            part.limit(part.position() + 7);
            delegate.write(part, position);
        }
        check();
        return delegate.write(src, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return delegate.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return delegate.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return delegate.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        delegate.close();
    }
}
