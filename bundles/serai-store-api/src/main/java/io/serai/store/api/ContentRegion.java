package io.serai.store.api;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * A message's bytes as a region of a file, for zero-copy transfer (e.g. Netty's DefaultFileRegion).
 * The caller owns the channel and must close it (closing the region closes it).
 */
public record ContentRegion(FileChannel channel, long position, long length) implements AutoCloseable {
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
