package io.serai.store.support.mime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.serai.store.api.mime.BodyPart;
import io.serai.store.api.mime.Envelope;
import io.serai.store.api.mime.HeaderField;
import io.serai.store.api.mime.MessageStructure;

/** Binary form of a {@link MessageStructure}, stored right after the message bytes. */
public final class StructureCodec {
    private static final int VERSION = 2;

    private StructureCodec() {
    }

    public static byte[] encode(MessageStructure s) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeLong(s.headerLength());
            out.writeInt(s.header().size());
            for (HeaderField f : s.header()) {
                utf(out, f.name());
                out.writeLong(f.offset());
                out.writeInt(f.length());
            }
            writeEnvelope(out, s.envelope());
            out.writeLong(s.sentDate().orElse(Long.MIN_VALUE));
            writePart(out, s.body());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MessageStructure decode(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        if (in.readByte() != VERSION) {
            throw new IOException("unknown structure version");
        }
        long headerLength = in.readLong();
        int n = in.readInt();
        List<HeaderField> fields = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            fields.add(new HeaderField(in.readUTF(), in.readLong(), in.readInt()));
        }
        Envelope env = readEnvelope(in);
        long sent = in.readLong();
        BodyPart body = readPart(in);
        return new MessageStructure(fields, headerLength, env, body,
                sent == Long.MIN_VALUE ? Optional.empty() : Optional.of(sent));
    }

    private static void writeEnvelope(DataOutputStream out, Envelope e) throws IOException {
        for (Optional<byte[]> v : List.of(e.date(), e.subject(), e.from(), e.sender(), e.replyTo(), e.to(),
                e.cc(), e.bcc(), e.inReplyTo(), e.messageId())) {
            out.writeInt(v.map(b -> b.length).orElse(-1));
            if (v.isPresent()) {
                out.write(v.get());
            }
        }
    }

    private static Envelope readEnvelope(DataInputStream in) throws IOException {
        List<Optional<byte[]>> v = new ArrayList<>(10);
        for (int i = 0; i < 10; i++) {
            int len = in.readInt();
            if (len < 0) {
                v.add(Optional.empty());
            } else {
                byte[] b = new byte[len];
                in.readFully(b);
                v.add(Optional.of(b));
            }
        }
        return new Envelope(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7),
                v.get(8), v.get(9));
    }

    private static void writePart(DataOutputStream out, BodyPart p) throws IOException {
        utf(out, p.type());
        utf(out, p.subtype());
        out.writeInt(p.parameters().size());
        for (Map.Entry<String, String> e : new TreeMap<>(p.parameters()).entrySet()) {
            utf(out, e.getKey());
            utf(out, e.getValue());
        }
        writeOpt(out, p.id());
        writeOpt(out, p.description());
        utf(out, p.encoding());
        writeOpt(out, p.disposition());
        out.writeLong(p.octets());
        out.writeLong(p.lines());
        out.writeLong(p.offset());
        out.writeLong(p.bodyOffset());
        out.writeBoolean(p.envelope().isPresent());
        if (p.envelope().isPresent()) {
            writeEnvelope(out, p.envelope().get());
        }
        out.writeInt(p.parts().size());
        for (BodyPart c : p.parts()) {
            writePart(out, c);
        }
    }

    private static BodyPart readPart(DataInputStream in) throws IOException {
        String type = in.readUTF();
        String subtype = in.readUTF();
        int n = in.readInt();
        Map<String, String> params = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            params.put(in.readUTF(), in.readUTF());
        }
        Optional<String> id = readOpt(in);
        Optional<String> description = readOpt(in);
        String encoding = in.readUTF();
        Optional<String> disposition = readOpt(in);
        long octets = in.readLong();
        long lines = in.readLong();
        long offset = in.readLong();
        long bodyOffset = in.readLong();
        Optional<Envelope> envelope = in.readBoolean() ? Optional.of(readEnvelope(in)) : Optional.empty();
        int c = in.readInt();
        List<BodyPart> parts = new ArrayList<>(c);
        for (int i = 0; i < c; i++) {
            parts.add(readPart(in));
        }
        return new BodyPart(type, subtype, params, id, description, encoding, disposition, octets, lines, offset,
                bodyOffset, envelope, parts);
    }

    /** writeUTF caps at 64 KB; header-derived strings longer than 16 K chars are cut, not fatal. */
    private static void utf(DataOutputStream out, String s) throws IOException {
        out.writeUTF(s.length() > 16_384 ? s.substring(0, 16_384) : s);
    }

    private static void writeOpt(DataOutputStream out, Optional<String> v) throws IOException {
        out.writeBoolean(v.isPresent());
        if (v.isPresent()) {
            utf(out, v.get());
        }
    }

    private static Optional<String> readOpt(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
    }
}
