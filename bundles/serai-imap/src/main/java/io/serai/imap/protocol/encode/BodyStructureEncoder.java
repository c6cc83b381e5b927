package io.serai.imap.protocol.encode;

import io.serai.store.api.mime.BodyPart;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code body} (RFC 9051 §7.5.2 BODYSTRUCTURE, RFC 3501 §7.4.2 BODY): nested multiparts, message/rfc822 with the
 * encapsulated envelope and structure, line counts for text. Extension data when {@code extensible}: for a single
 * part MD5 (NIL: the store computes none), disposition, language and location (NIL: not kept by the store); for a
 * multipart its parameters, disposition, language and location. Types, subtypes, encodings and parameter names are
 * written as the store keeps them (lower case); the disposition type is lower-cased too, because clients such as
 * Angus Mail hand it to applications that compare it with {@code "attachment"}.
 */
final class BodyStructureEncoder {

    private BodyStructureEncoder() {
    }

    static void write(ImapWriter w, BodyPart part, boolean extensible) {
        w.raw("(");
        if (part.isMultipart() && !part.parts().isEmpty()) {
            for (BodyPart child : part.parts()) {
                write(w, child, extensible);
            }
            w.sp().string(part.subtype());
            if (extensible) {
                w.sp();
                parameters(w, part.parameters());
                w.sp();
                disposition(w, part);
                w.raw(" NIL NIL");
            }
        } else {
            single(w, part, extensible);
        }
        w.raw(")");
    }

    private static void single(ImapWriter w, BodyPart part, boolean extensible) {
        // a multipart without parts (no boundary found) is described as the opaque body it then is
        w.string(part.type()).sp().string(part.subtype()).sp();
        parameters(w, part.parameters());
        w.sp().nstring(part.id().orElse(null)).sp().nstring(part.description().orElse(null)).sp()
                .string(part.encoding()).sp().number(part.octets());
        if ("message".equalsIgnoreCase(part.type()) && "rfc822".equalsIgnoreCase(part.subtype()) && part.envelope().isPresent()
                && !part.parts().isEmpty()) {
            w.sp();
            EnvelopeEncoder.write(w, part.envelope().get());
            w.sp();
            write(w, part.parts().get(0), extensible);
            w.sp().number(part.lines());
        } else if ("text".equalsIgnoreCase(part.type())) {
            w.sp().number(part.lines());
        }
        if (extensible) {
            w.raw(" NIL ");
            disposition(w, part);
            w.raw(" NIL NIL");
        }
    }

    /** {@code body-fld-param}: NIL or ("name" "value" ...), sorted by name so the output is stable. */
    private static void parameters(ImapWriter w, Map<String, String> params) {
        if (params.isEmpty()) {
            w.nil();
            return;
        }
        w.raw("(");
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            if (!first) {
                w.sp();
            }
            first = false;
            w.string(e.getKey()).sp().string(e.getValue());
        }
        w.raw(")");
    }

    /** {@code body-fld-dsp}: ("type" params) or NIL. */
    private static void disposition(ImapWriter w, BodyPart part) {
        if (part.disposition().isEmpty() || part.disposition().get().isBlank()) {
            w.nil();
            return;
        }
        MimeParameters d = MimeParameters.parse(part.disposition().get());
        w.raw("(").string(d.value()).sp();
        if (d.parameters().isEmpty()) {
            w.nil();
        } else {
            w.raw("(");
            for (int i = 0; i < d.parameters().size(); i++) {
                String[] p = d.parameters().get(i);
                if (i > 0) {
                    w.sp();
                }
                w.string(p[0]).sp().string(p[1]);
            }
            w.raw(")");
        }
        w.raw(")");
    }

}
