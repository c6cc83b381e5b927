package io.serai.camel.smtpd.internal;

import io.serai.smtp.api.MessageContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;

/**
 * The exchange body: an {@link InputStream} over the received bytes that is also a Camel {@link StreamCache}.
 * The content is already held re-readably by the server (memory or spool file), so with stream caching on
 * (Camel 4's default) Camel re-opens it instead of copying a message of up to {@code maxMessageSize} into memory.
 * {@link #reset()} starts again from the first byte, as Camel expects of a stream cache.
 */
final class ContentBody extends InputStream implements StreamCache {

    private final MessageContent content;
    /** This body and its copies, so {@link #closeAll()} can close every stream opened on the content. */
    private final List<ContentBody> family;
    private InputStream current;
    private long position;

    ContentBody(MessageContent content) {
        this(content, new CopyOnWriteArrayList<>());
    }

    private ContentBody(MessageContent content, List<ContentBody> family) {
        this.content = content;
        this.family = family;
        family.add(this);
    }

    private InputStream current() throws IOException {
        if (current == null) {
            current = content.openStream();
        }
        return current;
    }

    @Override
    public int read() throws IOException {
        int b = current().read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = current().read(buffer, offset, length);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return current().available();
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /** Back to the first byte (the next read opens the content again). */
    @Override
    public void reset() {
        try {
            close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        position = 0;
    }

    /** Writes the whole content, whatever has been read, like Camel's own stream caches. */
    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = content.openStream()) {
            in.transferTo(out);
        }
    }

    /** A copy for another exchange (multicast, splitter ...): same content, own position. */
    @Override
    public StreamCache copy(Exchange exchange) {
        return new ContentBody(content, family);
    }

    /**
     * Closes this body and every copy; called when the route is done, before the server deletes a spool file.
     */
    void closeAll() throws IOException {
        IOException first = null;
        for (ContentBody body : family) {
            try {
                body.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Whether the server holds it in memory is not known here; false keeps Camel from treating it as cheap. */
    @Override
    public boolean inMemory() {
        return false;
    }

    @Override
    public long length() {
        return content.size();
    }

    @Override
    public long position() {
        return position;
    }
}
