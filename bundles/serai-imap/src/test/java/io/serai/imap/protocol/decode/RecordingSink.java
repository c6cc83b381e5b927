package io.serai.imap.protocol.decode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records framer events as strings: {@code +}, {@code CMD:<text>}, {@code ERR:<tag>:<message>[:fatal]}. */
final class RecordingSink implements FrameSink {

    final List<String> events = new ArrayList<>();
    final List<CommandFrame> frames = new ArrayList<>();

    @Override
    public void continuationNeeded() {
        events.add("+");
    }

    @Override
    public void command(CommandFrame frame) {
        frames.add(frame);
        events.add("CMD:" + new String(frame.bytes(), StandardCharsets.ISO_8859_1)
                + (frame.spooledCount() > 0 ? " <" + frame.spooledCount() + " spooled>" : ""));
    }

    @Override
    public void error(DecodeException error) {
        events.add("ERR:" + error.tag() + ":" + error.getMessage() + (error.fatal() ? ":fatal" : ""));
    }

    static List<String> feed(CommandFramer framer, String... chunks) {
        RecordingSink sink = new RecordingSink();
        for (String chunk : chunks) {
            byte[] bytes = chunk.getBytes(StandardCharsets.ISO_8859_1);
            framer.feed(bytes, 0, bytes.length, sink);
        }
        return sink.events;
    }
}
