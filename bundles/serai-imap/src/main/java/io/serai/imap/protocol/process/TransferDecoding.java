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

    /** Soft line breaks ({@code =CRLF}) vanish, {@code =XX} becomes its octet; anything malformed stays literal. */
    static byte[] quotedPrintable(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b != '=') {
                out.write(b);
                continue;
            }
            if (i + 1 < in.length && in[i + 1] == '\n') {
                i++;
            } else if (i + 2 < in.length && in[i + 1] == '\r' && in[i + 2] == '\n') {
                i += 2;
            } else if (i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) << 4 | hex(in[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte c) {
        return Character.digit(c, 16);
    }
}
