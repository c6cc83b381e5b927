package io.serai.store.support.mime;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

import io.serai.store.api.mime.Envelope;
import io.serai.store.api.mime.MessageStructure;

/**
 * Computes a message's structure in one streaming pass with mime4j's token stream. Body bytes are only
 * counted, never decoded or turned into Strings. message/rfc822 parts are descended into (their
 * envelope and structure are part of BODYSTRUCTURE); their size comes from the part offsets.
 */
public final class StructureParser {
    private static final int HEADER_LIMIT = 1 << 20;

    /** Reads {@code content} to its end and describes it. Malformed MIME degrades to a flat text/plain body. */
    public MessageStructure parse(InputStream content) throws IOException {
        HeaderCapture capture = new HeaderCapture(content, HEADER_LIMIT);
        LineIndex index = new LineIndex(capture);
        PartBuilder root;
        try {
            root = parseParts(index);
        } catch (MimeException | RuntimeException e) {
            // not MIME we can describe: the bytes are stored anyway, described as one text body
            root = null;
        }
        byte[] rest = new byte[8192];
        while (index.read(rest, 0, rest.length) >= 0) {
            // offsets need every byte, including what mime4j did not ask for
        }
        HeaderIndexer header = new HeaderIndexer(capture.header());
        if (root == null) {
            root = new PartBuilder();
            root.flatBody(index.size() - header.headerLength());
        }
        root.locate(index, 0, header.headerLength(), index.size(), index.size());
        return new MessageStructure(header.fields(), header.headerLength(), envelope(header), root.build(),
                sentDate(header.value("date")));
    }

    private PartBuilder parseParts(InputStream in) throws IOException, MimeException {
        MimeTokenStream stream = new MimeTokenStream(MimeConfig.PERMISSIVE);
        stream.setRecursionMode(RecursionMode.M_RECURSE);
        stream.parse(new FullReads(in));
        Deque<PartBuilder> open = new ArrayDeque<>();
        PartBuilder root = null;
        byte[] buf = new byte[8192];
        for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
            switch (s) {
                case T_START_MESSAGE -> open.push(new PartBuilder());
                case T_START_BODYPART -> open.push(PartBuilder.partOf(open.peek()));
                case T_FIELD -> open.peek().field(stream.getField());
                case T_START_MULTIPART -> open.peek().descriptor(stream.getBodyDescriptor());
                case T_BODY -> {
                    open.peek().descriptor(stream.getBodyDescriptor());
                    open.peek().countBody(stream.getInputStream(), buf);
                }
                case T_END_MESSAGE, T_END_BODYPART -> {
                    PartBuilder done = open.pop();
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().children.add(done);
                    }
                }
                default -> {
                    // preamble, epilogue and multipart delimiters carry nothing BODYSTRUCTURE needs
                }
            }
        }
        return root;
    }

    /**
     * Fills every read mime4j asks for, or reaches the end. mime4j finds delimiter lines differently when its
     * buffer is refilled by short reads (a socket, a pipe), so the same message got different structures; found by
     * fuzzing, see docs/FUZZING.md.
     */
    private static final class FullReads extends FilterInputStream {
        FullReads(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = in.readNBytes(b, off, len);
            return n == 0 ? -1 : n;
        }
    }

    private static Envelope envelope(HeaderIndexer h) {
        return new Envelope(opt(h, "date"), opt(h, "subject"), opt(h, "from"), opt(h, "sender"),
                opt(h, "reply-to"), opt(h, "to"), opt(h, "cc"), opt(h, "bcc"), opt(h, "in-reply-to"),
                opt(h, "message-id"));
    }

    private static Optional<byte[]> opt(HeaderIndexer h, String name) {
        return Optional.ofNullable(h.value(name));
    }

    static Optional<Long> sentDate(byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        String s = new String(value, StandardCharsets.US_ASCII).replaceAll("\\([^)]*\\)", "").trim()
                .replaceAll("\\s+", " ");
        try {
            return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
