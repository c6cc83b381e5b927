package io.serai.imap.protocol.encode;

import io.serai.imap.protocol.response.LiteralData;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Collects a response in memory, reading stored regions through the content's stream (tests, small responses). */
final class ByteArraySink implements ResponseSink {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Override
    public void bytes(byte[] bytes) {
        out.writeBytes(bytes);
    }

    @Override
    public void region(LiteralData.Region region) {
        try (InputStream in = region.content().openStream()) {
            in.skipNBytes(region.offset());
            byte[] data = in.readNBytes((int) region.length());
            if (data.length != region.length()) {
                throw new IOException("stored message shorter than its structure says");
            }
            out.writeBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
