package io.serai.imap.protocol.process;

import io.serai.imap.protocol.decode.DecodeException;
import io.serai.imap.protocol.decode.ImapUrls;
import io.serai.imap.protocol.literal.Literal;
import io.serai.imap.protocol.request.BodySectionItem;
import io.serai.imap.protocol.request.CatenatePart;
import io.serai.imap.protocol.request.ImapUrl;
import io.serai.imap.protocol.response.LiteralData;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Mailbox;
import io.serai.store.api.MessageContent;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.StoreException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;

/**
 * The message a CATENATE builds (RFC 4469 §5): its TEXT literals and the octets its URLs name, in order. URLs are
 * resolved before anything is appended, as {@code BODY.PEEK[section]<partial>} of a message in one of the user's own
 * mailboxes (so \Seen is not set, RFC 4469 §5); one that names nothing (no such mailbox, UIDVALIDITY changed, no such
 * UID or part, another user, URLAUTH) makes the whole APPEND {@code NO [BADURL url]}. The parts are streamed from
 * the literals and the store when the store reads the message; nothing is concatenated in memory.
 */
final class Catenation {

    /** What building the message gave. */
    sealed interface Outcome {
    }

    /** The message to append, {@code size} octets. */
    record Built(ContentSource source, long size) implements Outcome {
    }

    /** The first URL that names nothing this user may read. */
    record BadUrl(String url) implements Outcome {
    }

    /** One contiguous run of octets of the result. */
    private interface Piece {
        long size();

        InputStream open() throws IOException;
    }

    private Catenation() {
    }

    static Outcome build(List<CatenatePart> parts, ImapSession session) throws StoreException, IOException {
        List<Piece> pieces = new ArrayList<>(parts.size());
        for (CatenatePart part : parts) {
            if (part instanceof CatenatePart.Text t) {
                pieces.add(literal(t.text()));
                continue;
            }
            String url = ((CatenatePart.Url) part).url();
            Piece piece = resolve(url, session);
            if (piece == null) {
                return new BadUrl(url);
            }
            pieces.add(piece);
        }
        long size = pieces.stream().mapToLong(Piece::size).sum();
        return new Built(() -> concatenate(pieces), size);
    }

    private static Piece literal(Literal literal) {
        return new Piece() {
            @Override
            public long size() {
                return literal.size();
            }

            @Override
            public InputStream open() throws IOException {
                return literal.open();
            }
        };
    }

    /** The octets the URL names, or {@code null} when it names nothing this session may read. */
    private static Piece resolve(String url, ImapSession session) throws StoreException, IOException {
        ImapUrl parsed;
        try {
            parsed = ImapUrls.parse(url);
        } catch (DecodeException e) {
            return null;
        }
        if (parsed.user() != null && !parsed.user().equalsIgnoreCase(session.user())) {
            return null; // RFC 4469 §5: only what this user could FETCH; other users' mail needs URLAUTH
        }
        MessageContent content;
        try {
            Mailbox mailbox = session.mailboxes().open(parsed.mailbox());
            if (parsed.uidValidity() != 0 && mailbox.info().uidValidity() != parsed.uidValidity()) {
                return null; // RFC 5092 §6: the UID would name another message
            }
            content = mailbox.content(parsed.uid());
        } catch (NotFoundException e) {
            return null;
        }
        LiteralData data = SectionReader.read(BodySectionItem.body(parsed.section(), true, parsed.partial()), content)
                .data();
        if (data == null) {
            return null;
        }
        return data instanceof LiteralData.Region r ? region(content, r.offset(), r.length())
                : bytes(((LiteralData.Bytes) data).bytes());
    }

    private static Piece region(MessageContent content, long offset, long length) {
        return new Piece() {
            @Override
            public long size() {
                return length;
            }

            @Override
            public InputStream open() throws IOException {
                InputStream in = content.openStream();
                in.skipNBytes(offset);
                return new BoundedInputStream(in, length);
            }
        };
    }

    private static Piece bytes(byte[] bytes) {
        return new Piece() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    /** The pieces one after another; each is opened only when the previous one has been read to its end. */
    private static InputStream concatenate(List<Piece> pieces) {
        Iterator<Piece> it = pieces.iterator();
        return new SequenceInputStream(new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return it.hasNext();
            }

            @Override
            public InputStream nextElement() {
                try {
                    return it.next().open();
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // SequenceInputStream's Enumeration cannot throw IOException
                }
            }
        });
    }
}
