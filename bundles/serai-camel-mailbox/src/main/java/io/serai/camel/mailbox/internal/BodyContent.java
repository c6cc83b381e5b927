package io.serai.camel.mailbox.internal;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;

import io.serai.store.api.ContentSource;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.WrappedFile;

/**
 * The exchange body as the bytes of a message to append. Streams, byte arrays and files are handed to the store
 * as they are, so the message is copied once, by the store, and never decoded to a String.
 */
public final class BodyContent {

    private BodyContent() {
    }

    public static ContentSource of(Exchange exchange) throws InvalidPayloadException {
        Object body = exchange.getMessage().getBody();
        if (body instanceof WrappedFile<?> wrapped) {
            body = wrapped.getFile();
        }
        if (body instanceof InputStream in) {
            return ContentSource.of(in);
        }
        if (body instanceof byte[] bytes) {
            return () -> new ByteArrayInputStream(bytes);
        }
        if (body instanceof Path path) {
            return ContentSource.of(path);
        }
        if (body instanceof File file) {
            return ContentSource.of(file.toPath());
        }
        if (body == null) {
            throw new InvalidPayloadException(exchange, InputStream.class);
        }
        // anything else (a String, a StreamCache ...) through Camel's converters, still as a stream
        return ContentSource.of(exchange.getMessage().getMandatoryBody(InputStream.class));
    }
}
