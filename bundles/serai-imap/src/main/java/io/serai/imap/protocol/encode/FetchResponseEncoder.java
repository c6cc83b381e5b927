package io.serai.imap.protocol.encode;

import io.serai.imap.protocol.response.FetchResponse;
import io.serai.imap.protocol.response.FetchValue;
import io.serai.imap.protocol.response.LiteralData;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code * n FETCH (msg-att)} (RFC 9051 §7.5.2) written in pieces to a {@link ResponseSink}: protocol text as bytes,
 * body literals as the stored regions themselves, so the message octets are never copied into the response text.
 */
public final class FetchResponseEncoder {

    /** {@code date-time} with a space-padded day (RFC 9051 §9 {@code date-day-fixed}); stored dates are UTC. */
    private static final DateTimeFormatter INTERNALDATE =
            DateTimeFormatter.ofPattern("ppd-MMM-yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public void encode(FetchResponse response, boolean utf8, ResponseSink sink) {
        ImapWriter w = new ImapWriter(utf8);
        w.raw("* ").number(response.msn()).raw(" FETCH (");
        boolean first = true;
        for (FetchValue v : response.values()) {
            if (!first) {
                w.sp();
            }
            first = false;
            value(w, v, sink);
        }
        w.raw(")").crlf();
        sink.bytes(w.take());
    }

    private static void value(ImapWriter w, FetchValue v, ResponseSink sink) {
        if (v instanceof FetchValue.Flags f) {
            w.raw("FLAGS (").raw(String.join(" ", f.flags())).raw(")");
        } else if (v instanceof FetchValue.Uid u) {
            w.raw("UID ").number(u.uid());
        } else if (v instanceof FetchValue.ModSeq m) {
            w.raw("MODSEQ (").number(m.modSeq()).raw(")");
        } else if (v instanceof FetchValue.InternalDate d) {
            w.raw("INTERNALDATE \"").raw(INTERNALDATE.format(d.date())).raw("\"");
        } else if (v instanceof FetchValue.SaveDate d) {
            w.raw("SAVEDATE ");
            if (d.date() == null) {
                w.raw("NIL");
            } else {
                w.raw("\"").raw(INTERNALDATE.format(d.date())).raw("\"");
            }
        } else if (v instanceof FetchValue.Size s) {
            w.raw("RFC822.SIZE ").number(s.octets());
        } else if (v instanceof FetchValue.EnvelopeValue e) {
            w.raw("ENVELOPE ");
            EnvelopeEncoder.write(w, e.envelope());
        } else if (v instanceof FetchValue.Structure s) {
            w.raw(s.extensible() ? "BODYSTRUCTURE " : "BODY ");
            BodyStructureEncoder.write(w, s.body(), s.extensible());
        } else if (v instanceof FetchValue.BinarySize b) {
            w.raw(b.name()).sp().number(b.size());
        } else if (v instanceof FetchValue.Section s) {
            section(w, s, sink);
        }
    }

    private static void section(ImapWriter w, FetchValue.Section s, ResponseSink sink) {
        w.raw(s.name());
        if (s.origin() >= 0) {
            w.raw("<").number(s.origin()).raw(">");
        }
        w.sp();
        LiteralData data = s.data();
        if (data == null) {
            w.nil();
            return;
        }
        // always a literal: body data may hold any octet (RFC 9051 §4.3); literal8 only for NUL (RFC 3516 §4.2)
        w.raw(data.binary() ? "~{" : "{").number(data.length()).raw("}").crlf();
        if (data instanceof LiteralData.Bytes b) {
            w.bytes(b.bytes());
        } else if (data instanceof LiteralData.Region r && r.length() > 0) {
            sink.bytes(w.take());
            sink.region(r);
        }
    }
}
