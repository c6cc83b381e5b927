package io.serai.imap.protocol.response;

import io.serai.store.api.mime.BodyPart;
import io.serai.store.api.mime.Envelope;

import java.time.Instant;
import java.util.List;

/** One {@code msg-att} of a FETCH response (RFC 9051 §7.5.2); one small type per kind of item. */
public sealed interface FetchValue {

    /** {@code FLAGS (flag-fetch ...)}. */
    record Flags(List<String> flags) implements FetchValue {
        public Flags {
            flags = List.copyOf(flags);
        }
    }

    /** {@code UID n}. */
    record Uid(long uid) implements FetchValue {
    }

    /** {@code MODSEQ (n)} (RFC 7162 §3.1.4). */
    record ModSeq(long modSeq) implements FetchValue {
    }

    /** {@code INTERNALDATE "dd-Mon-yyyy hh:mm:ss +zzzz"}. */
    record InternalDate(Instant date) implements FetchValue {
    }

    /**
     * {@code SAVEDATE "dd-Mon-yyyy hh:mm:ss +zzzz"}, or {@code SAVEDATE NIL} when the store does not know when
     * the message was saved (RFC 8514 §4.2).
     */
    record SaveDate(Instant date) implements FetchValue {
    }

    /** {@code RFC822.SIZE n}. */
    record Size(long octets) implements FetchValue {
    }

    /** {@code ENVELOPE (...)} from the header values the store kept. */
    record EnvelopeValue(Envelope envelope) implements FetchValue {
    }

    /** {@code BODYSTRUCTURE (...)} when {@code extensible}, else the non-extensible {@code BODY (...)}. */
    record Structure(BodyPart body, boolean extensible) implements FetchValue {
    }

    /**
     * {@code BODY[section]<origin> data}, {@code RFC822... data} or {@code BINARY[part]<origin> data}.
     *
     * @param name   the item as echoed, e.g. {@code BODY[HEADER.FIELDS (From)]} or {@code RFC822.TEXT}
     * @param origin the partial origin to echo as {@code <origin>}, or -1
     * @param data   the octets, or {@code null} for NIL (a part that does not exist)
     */
    record Section(String name, long origin, LiteralData data) implements FetchValue {
    }

    /** {@code BINARY.SIZE[part] n} (RFC 3516 §4.3). */
    record BinarySize(String name, long size) implements FetchValue {
    }
}
