package io.serai.smtp.protocol;

import java.io.IOException;

/** Creates a {@link MessageSink} for each transaction. */
@FunctionalInterface
public interface SpoolFactory {

    MessageSink newSink() throws IOException;
}
