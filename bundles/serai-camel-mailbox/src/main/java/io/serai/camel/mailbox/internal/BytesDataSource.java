package io.serai.camel.mailbox.internal;

import jakarta.activation.DataSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;

/** A decoded attachment as an activation {@link DataSource}, for Camel's attachment API; read-only. */
final class BytesDataSource implements DataSource {

    private final String name;
    private final String contentType;
    private final byte[] bytes;

    BytesDataSource(String name, String contentType, byte[] bytes) {
        this.name = name;
        this.contentType = contentType;
        this.bytes = bytes;
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public OutputStream getOutputStream() {
        throw new UnsupportedOperationException("a received attachment is read-only");
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public String getName() {
        return name;
    }
}
