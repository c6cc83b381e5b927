package io.serai.store.embedded.internal.journal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/** Small helpers for the binary record format: varints and delta-coded UID lists. */
public final class DataIo {
    private DataIo() {
    }

    public static void writeVarLong(DataOutputStream out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    public static long readVarLong(DataInputStream in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("varint too long");
    }

    /** Ascending UIDs as count + deltas: a flag change on a million messages costs about a megabyte. */
    public static void writeUids(DataOutputStream out, long[] uids) throws IOException {
        writeVarLong(out, uids.length);
        long prev = 0;
        for (long u : uids) {
            writeVarLong(out, u - prev);
            prev = u;
        }
    }

    public static long[] readUids(DataInputStream in) throws IOException {
        int n = (int) readVarLong(in);
        long[] uids = new long[n];
        long prev = 0;
        for (int i = 0; i < n; i++) {
            prev += readVarLong(in);
            uids[i] = prev;
        }
        return uids;
    }

    public static void writeStrings(DataOutputStream out, Set<String> values) throws IOException {
        writeVarLong(out, values.size());
        for (String s : values) {
            out.writeUTF(s);
        }
    }

    public static Set<String> readStrings(DataInputStream in) throws IOException {
        int n = (int) readVarLong(in);
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }

    public static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        writeVarLong(out, b.length);
        out.write(b);
    }

    public static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] b = new byte[(int) readVarLong(in)];
        in.readFully(b);
        return b;
    }
}
