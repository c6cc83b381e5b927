package io.serai.store.postgres.internal.content;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/** A stored message as a stream: the inline head, then content_chunk rows fetched lazily; skips cost no reads. */
final class ChunkedInputStream extends InputStream {
    private final byte[] head;
    private final long size;
    private final int chunkSize;
    private final ContentReader reader;
    private final long contentId;
    private final Deque<byte[]> fetched = new ArrayDeque<>();
    private long position;
    private int nextChunk;
    private byte[] current;
    private int currentStart;
    private long currentOffset;

    ChunkedInputStream(byte[] head, long size, int chunkSize, ContentReader reader, long contentId) {
        this.head = head;
        this.size = size;
        this.chunkSize = chunkSize;
        this.reader = reader;
        this.contentId = contentId;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= size) {
            return -1;
        }
        int n;
        if (position < head.length) {
            n = (int) Math.min(len, head.length - position);
            System.arraycopy(head, (int) position, b, off, n);
        } else {
            byte[] chunk = chunkAt(position);
            int inChunk = (int) (position - currentOffset);
            n = Math.min(len, chunk.length - inChunk);
            System.arraycopy(chunk, inChunk, b, off, n);
        }
        position += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long k = Math.max(0, Math.min(n, size - position));
        position += k;
        return k;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, position < head.length ? head.length - position : 0);
    }

    /** The chunk holding {@code at}, fetched with the next few if needed. */
    private byte[] chunkAt(long at) throws IOException {
        int wanted = (int) ((at - head.length) / chunkSize);
        if (current != null && currentStart == wanted) {
            return current;
        }
        if (wanted != nextChunk) {
            fetched.clear(); // a skip jumped past what was fetched
            nextChunk = wanted;
        }
        if (fetched.isEmpty()) {
            fetched.addAll(reader.chunks(contentId, nextChunk));
            if (fetched.isEmpty()) {
                throw new IOException("message content " + contentId + " is shorter than its size");
            }
        }
        current = fetched.poll();
        currentStart = nextChunk++;
        currentOffset = head.length + (long) currentStart * chunkSize;
        return current;
    }
}
