package io.serai.imap.protocol.process;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/** Removes a Content-Transfer-Encoding (RFC 2045 §6.7 quoted-printable, §6.8 base64) for BINARY. */
final class TransferDecoding {

    private TransferDecoding() {
    }

    /** Whether the encoding leaves the octets as they are (RFC 2045 §6.2 identity encodings). */
    static boolean identity(String encoding) {
        return encoding.equals("7bit") || encoding.equals("8bit") || encoding.equals("binary");
    }

    static byte[] decode(String encoding, byte[] encoded) throws UnknownTransferEncodingException {
        return switch (encoding) {
            case "base64" -> Base64.getMimeDecoder().decode(encoded);
            case "quoted-printable" -> quotedPrintable(encoded);
            default -> throw new UnknownTransferEncodingException(encoding);
        };
    }

    /**
     * Decodes quoted-printable one encoded line at a time (RFC 2045 §6.7). White space at the end of an encoded
     * line was added in transport and is deleted (rule 3); an "=" ending the line, after that deletion, is a soft
     * line break, so "=" followed by transport padding and the line break vanishes (rule 5, the
     * {@code transport-padding} of the qp-line grammar). {@code =XX} becomes its octet; anything malformed, such
     * as a lone "=" at the very end without a line break, stays literal. Bare LF line breaks count as CRLF ones.
     */
    static byte[] quotedPrintable(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int start = 0;
        while (start < in.length) {
            int lf = indexOf(in, (byte) '\n', start);
            int breakStart = lf < 0 ? in.length : lf > start && in[lf - 1] == '\r' ? lf - 1 : lf;
            int end = breakStart;
            while (end > start && (in[end - 1] == ' ' || in[end - 1] == '\t')) {
                end--;
            }
            boolean soft = decodeLine(in, start, end, lf >= 0, out);
            if (lf < 0) {
                break;
            }
            if (!soft) {
                out.write(in, breakStart, lf + 1 - breakStart);
            }
            start = lf + 1;
        }
        return out.toByteArray();
    }

    /** Decodes {@code in[from, to)}, one encoded line without its trailing white space; true if it ends softly. */
    private static boolean decodeLine(byte[] in, int from, int to, boolean lineBreakFollows,
                                      ByteArrayOutputStream out) {
        for (int i = from; i < to; i++) {
            byte b = in[i];
            if (b != '=') {
                out.write(b);
            } else if (i == to - 1 && lineBreakFollows) {
                return true;
            } else if (i + 2 < to && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) << 4 | hex(in[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return false;
    }

    private static int indexOf(byte[] in, byte b, int from) {
        for (int i = from; i < in.length; i++) {
            if (in[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int hex(byte c) {
        return Character.digit(c, 16);
    }
}
