package io.serai.imap.protocol.decode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the text a SEARCH key looks for. It is UTF-8 (CHARSET UTF-8, or UTF8=ACCEPT enabled: RFC 6855 §3), but
 * Angus Mail 2.0 sends ISO-8859-1 octets once it has enabled UTF8=ACCEPT; octets that are not valid UTF-8 are
 * therefore read as ISO-8859-1, which every octet is, so such a search still finds what the user typed.
 */
final class SearchStrings {

    private SearchStrings() {
    }

    static String read(ArgumentReader in) throws DecodeException {
        byte[] bytes = in.astringBytes();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
