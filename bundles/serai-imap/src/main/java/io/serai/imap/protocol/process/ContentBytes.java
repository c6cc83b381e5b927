package io.serai.imap.protocol.process;

import io.serai.store.api.MessageContent;

import java.io.IOException;
import java.io.InputStream;

/** Reads a small range of a stored message (a header, a part to decode) into memory. */
final class ContentBytes {

    private ContentBytes() {
    }

    static byte[] read(MessageContent content, long offset, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 16) {
            throw new IOException("part too large to decode in memory");
        }
        try (InputStream in = content.openStream()) {
            in.skipNBytes(offset);
            byte[] data = in.readNBytes((int) length);
            if (data.length != length) {
                throw new IOException("stored message shorter than its structure says");
            }
            return data;
        }
    }
}
