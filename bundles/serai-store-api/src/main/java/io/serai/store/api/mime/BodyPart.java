package io.serai.store.api.mime;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entity of the MIME tree for BODYSTRUCTURE (RFC 3501 section 7.4.2). Type and parameter names are
 * lower case; {@code octets} and {@code lines} count the encoded body as stored.
 *
 * @param offset     where the entity's MIME header starts in the message (BODY[n.MIME] is
 *                   {@code offset..bodyOffset}); 0 for the message itself
 * @param bodyOffset where its body starts (BODY[n] is {@code bodyOffset..bodyOffset + octets})
 * @param envelope   for message/rfc822 parts: the encapsulated message's envelope; its structure is the
 *                   single element of {@code parts}
 */
public record BodyPart(String type, String subtype, Map<String, String> parameters, Optional<String> id,
                       Optional<String> description, String encoding, Optional<String> disposition,
                       long octets, long lines, long offset, long bodyOffset, Optional<Envelope> envelope,
                       List<BodyPart> parts) {

    public BodyPart {
        parameters = Map.copyOf(parameters);
        parts = List.copyOf(parts);
    }

    public boolean isMultipart() {
        return "multipart".equals(type);
    }
}
