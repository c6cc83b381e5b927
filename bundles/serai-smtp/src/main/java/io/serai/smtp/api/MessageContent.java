package io.serai.smtp.api;

import java.io.IOException;
import java.io.InputStream;

/**
 * The received message as bytes: the server's trace headers (Return-Path:, Received:) followed by the message
 * exactly as the client sent it, with the SMTP transparency dots removed (RFC 5321 §4.5.2) and lines ending in
 * CRLF. Small messages are held in memory, larger ones in a spool file; the server deletes the spool once the
 * handler's completion stage has completed, so read it (or copy it) before completing.
 */
public interface MessageContent {

    /** The size in bytes of what {@link #openStream()} returns. */
    long size();

    /** A new stream over the whole content; each call starts at the beginning. */
    InputStream openStream() throws IOException;
}
