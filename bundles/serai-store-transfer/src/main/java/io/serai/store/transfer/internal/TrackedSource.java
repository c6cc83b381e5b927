package io.serai.store.transfer.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import io.serai.store.api.ContentSource;

/**
 * A content source that remembers if opening or reading it failed, so a failed append can be blamed on the
 * source file (skip it) or on the store (stop the run).
 */
public final class TrackedSource implements ContentSource {
    private final ContentSource source;
    private IOException failure;

    public TrackedSource(ContentSource source) {
        this.source = source;
    }

    /** The first read failure, or null. */
    public IOException failure() {
        return failure;
    }

    @Override
    public InputStream open() throws IOException {
        try {
            return new Reading(source.open());
        } catch (IOException | RuntimeException e) {
            throw record(e);
        }
    }

    private IOException record(Exception e) {
        IOException io = e instanceof IOException i ? i : new IOException(e.getMessage(), e);
        if (failure == null) {
            failure = io;
        }
        return io;
    }

    private final class Reading extends FilterInputStream {
        Reading(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException | RuntimeException e) {
                throw record(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                throw record(e);
            }
        }
    }
}
