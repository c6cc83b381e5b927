package io.serai.store.support.mime;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.serai.store.api.mime.BodyPart;

/**
 * Makes a message that holds NUL octets servable over IMAP and POP3: every leaf part whose body contains a NUL is
 * re-encoded as base64 and its Content-Transfer-Encoding field replaced; everything else is copied byte for byte.
 *
 * <p>Why: an IMAP literal cannot carry NUL (RFC 9051 §4.3 {@code CHAR8}), so a part appended as binary content
 * with a {@code literal8} (RFC 3516 §4.4) could be returned by {@code BINARY[n]} but by no {@code BODY[n]}, and a
 * POP3 RETR could not carry it either. Converting the part to base64 at append keeps its decoded content (what
 * {@code BINARY[n]} returns) identical, which is what Dovecot does. A NUL outside every leaf body (in a header, a
 * preamble or an epilogue) has no encoding to go into, and {@link Result#UNREPRESENTABLE} says so.
 *
 * <p>Three streaming passes over the content (structure, which parts hold a NUL, the rewrite); only part headers
 * are buffered, so a large message is never held in memory.
 */
public final class NulPartEncoder {

    /** What {@link #encode} did. */
    public enum Result {
        /** No NUL anywhere: nothing was written, store the content as it is. */
        UNCHANGED,
        /** The converted message was written. */
        CONVERTED,
        /** A NUL outside any leaf body: the message cannot be represented, nothing useful was written. */
        UNREPRESENTABLE
    }

    /** A source of the content that can be read more than once. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    private static final int LINE = 76; // RFC 2045 §6.8: encoded lines are at most 76 characters
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] FIELD = "Content-Transfer-Encoding: base64\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Whether the content has a NUL octet: the cheap check that decides whether {@link #encode} is needed. */
    public static boolean containsNul(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) >= 0; ) {
            for (int i = 0; i < n; i++) {
                if (buf[i] == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Writes {@code content} to {@code out} with its NUL-bearing leaf parts in base64, if there is a NUL at all. */
    public Result encode(Content content, OutputStream out) throws IOException {
        BodyPart root;
        try (InputStream in = content.open()) {
            root = new StructureParser().parse(in).body();
        }
        List<BodyPart> leaves = new ArrayList<>();
        collectLeaves(root, leaves);
        boolean[] convert = new boolean[leaves.size()];
        try (InputStream in = new BufferedInputStream(content.open())) {
            Result found = markNulLeaves(in, leaves, convert);
            if (found != Result.CONVERTED) {
                return found;
            }
        }
        try (InputStream in = new BufferedInputStream(content.open())) {
            rewrite(in, leaves, convert, out);
        }
        return Result.CONVERTED;
    }

    /** Leaves in content order; a message/rfc822 part is descended into, so its inner parts are leaves. */
    private static void collectLeaves(BodyPart part, List<BodyPart> leaves) {
        if (part.parts().isEmpty()) {
            leaves.add(part);
        }
        for (BodyPart child : part.parts()) {
            collectLeaves(child, leaves);
        }
    }

    /** Marks the leaves whose body holds a NUL; UNREPRESENTABLE if one lies elsewhere, UNCHANGED if none. */
    private static Result markNulLeaves(InputStream in, List<BodyPart> leaves, boolean[] convert) throws IOException {
        boolean any = false;
        int leaf = 0;
        long pos = 0;
        for (int b; (b = in.read()) >= 0; pos++) {
            while (leaf < leaves.size() && pos >= end(leaves.get(leaf))) {
                leaf++;
            }
            if (b != 0) {
                continue;
            }
            if (leaf == leaves.size() || pos < leaves.get(leaf).bodyOffset()) {
                return Result.UNREPRESENTABLE;
            }
            convert[leaf] = true;
            any = true;
        }
        return any ? Result.CONVERTED : Result.UNCHANGED;
    }

    private static long end(BodyPart leaf) {
        return leaf.bodyOffset() + leaf.octets();
    }

    private static void rewrite(InputStream in, List<BodyPart> leaves, boolean[] convert, OutputStream out)
            throws IOException {
        long pos = 0;
        for (int i = 0; i < leaves.size(); i++) {
            if (!convert[i]) {
                continue;
            }
            BodyPart leaf = leaves.get(i);
            pos += copy(in, out, leaf.offset() - pos);
            byte[] header = in.readNBytes(Math.toIntExact(leaf.bodyOffset() - leaf.offset()));
            out.write(withBase64Field(header));
            writeBase64(in, leaf.octets(), out);
            pos = end(leaf);
        }
        if (in.transferTo(out) == 0) {
            out.write(CRLF); // the converted part ended the message: end its last base64 line
        }
    }

    private static long copy(InputStream in, OutputStream out, long count) throws IOException {
        byte[] buf = new byte[8192];
        long left = count;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new IOException("content ended early");
            }
            out.write(buf, 0, n);
            left -= n;
        }
        return count;
    }

    /**
     * The part header without its Content-Transfer-Encoding field (and continuation lines), with
     * {@code Content-Transfer-Encoding: base64} added before the blank line that ends it (RFC 2045 §6).
     */
    static byte[] withBase64Field(byte[] header) {
        java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream(header.length + FIELD.length);
        int blank = blankLineStart(header);
        boolean dropping = false;
        for (int start = 0; start < blank; ) {
            int next = lineEnd(header, start, blank);
            boolean continuation = header[start] == ' ' || header[start] == '\t';
            if (!continuation) {
                dropping = startsWithIgnoreCase(header, start, "content-transfer-encoding:");
            }
            if (!dropping) {
                kept.write(header, start, next - start);
            }
            start = next;
        }
        kept.writeBytes(FIELD);
        kept.write(header, blank, header.length - blank);
        return kept.toByteArray();
    }

    /** Where the empty line that ends the header starts (the header region includes it). */
    private static int blankLineStart(byte[] header) {
        int end = header.length;
        if (end >= 2 && header[end - 1] == '\n' && header[end - 2] == '\r') {
            end -= 2;
        } else if (end >= 1 && header[end - 1] == '\n') {
            end -= 1;
        }
        return end;
    }

    /** The index after the line starting at {@code start} (past its LF), at most {@code limit}. */
    private static int lineEnd(byte[] header, int start, int limit) {
        for (int i = start; i < limit; i++) {
            if (header[i] == '\n') {
                return i + 1;
            }
        }
        return limit;
    }

    private static boolean startsWithIgnoreCase(byte[] b, int at, String prefix) {
        if (b.length - at < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase((char) (b[at + i] & 0xff)) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code octets} of body as base64 lines of 76 characters joined by CRLF; the delimiter's CRLF follows. */
    private static void writeBase64(InputStream in, long octets, OutputStream out) throws IOException {
        Base64.Encoder encoder = Base64.getEncoder();
        byte[] chunk = new byte[LINE / 4 * 3]; // 57 octets make one 76-character line
        long left = octets;
        boolean first = true;
        while (left > 0) {
            byte[] bytes = in.readNBytes((int) Math.min(chunk.length, left));
            if (bytes.length == 0) {
                throw new IOException("content ended early");
            }
            if (!first) {
                out.write(CRLF);
            }
            out.write(encoder.encode(bytes));
            left -= bytes.length;
            first = false;
        }
    }
}
