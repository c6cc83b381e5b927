package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.IdRequest;
import io.serai.imap.protocol.request.ImapRequest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code "ID" SP ("(" string SP nstring *(SP string SP nstring) ")" / nil)} (RFC 2971 §4): at most 30 pairs,
 * field names up to 30 octets and values up to 1024 octets (§3.3).
 */
final class IdDecoder implements CommandDecoder {

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        Map<String, String> fields = new LinkedHashMap<>();
        if (in.peek() == '(') {
            in.expect('(');
            do {
                String field = new String(in.string(), java.nio.charset.StandardCharsets.UTF_8);
                in.sp();
                String value = in.nstring();
                if (field.length() > 30 || (value != null && value.length() > 1024) || fields.size() == 30) {
                    throw in.error("ID field too long or too many fields");
                }
                fields.put(field, value);
            } while (in.tryConsume(' '));
            in.expect(')');
        } else if (!in.atom().equalsIgnoreCase("NIL")) {
            throw in.error("Expected ID parameter list or NIL");
        }
        in.end();
        return new IdRequest(tag, fields);
    }
}
