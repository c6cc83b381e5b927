package io.serai.imap.protocol.encode;

import io.serai.imap.protocol.response.LiteralData;

/**
 * Where an encoded response goes in pieces: protocol text as bytes, and stored message regions the writer copies
 * from the store itself (the transport reads them straight into its buffers, never into a String or a whole-response
 * array).
 */
public interface ResponseSink {

    void bytes(byte[] bytes);

    void region(LiteralData.Region region);
}
