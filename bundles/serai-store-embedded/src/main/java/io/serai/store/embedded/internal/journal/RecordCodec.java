package io.serai.store.embedded.internal.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32C;

/**
 * Encodes records into journal frames: {@code [int length][int crc32c][byte type][payload]}. The CRC
 * covers type and payload; a frame whose length is 0 marks the preallocated, unused end of a file.
 */
public final class RecordCodec {
    public static final int HEADER = 8;

    private RecordCodec() {
    }

    public static byte[] frame(JournalRecord record) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(0);
            out.writeInt(0);
            out.writeByte(record.type());
            record.write(out);
            out.flush();
            byte[] frame = bytes.toByteArray();
            int length = frame.length - HEADER;
            CRC32C crc = new CRC32C();
            crc.update(frame, HEADER, length);
            putInt(frame, 0, length);
            putInt(frame, 4, (int) crc.getValue());
            return frame;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JournalRecord decode(byte[] body) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        int type = in.readUnsignedByte();
        JournalRecord r;
        if (type == 30) {
            r = new RoundEnd();
        } else if (type == 24) {
            r = Relocated.read(in);
        } else if (type == 25) {
            r = ContentImage.read(in);
        } else if (type < 11) {
            r = CatalogRecords.read(type, in);
        } else if (type < 20) {
            r = MailboxRecords.read(type, in);
        } else {
            r = MessageRecords.read(type, in);
        }
        if (in.available() != 0) {
            throw new IOException("trailing bytes in record type " + type);
        }
        return r;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
