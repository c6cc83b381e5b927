package io.serai.store.api.mime;

import java.util.List;
import java.util.Optional;

/**
 * Everything FETCH and SEARCH need about a message's form, computed once at append.
 *
 * @param headerLength octets of the top-level header including the blank line; the body starts there
 * @param sentDate     the Date header as epoch milliseconds, if it parsed (SEARCH SENTBEFORE etc.)
 */
public record MessageStructure(List<HeaderField> header, long headerLength, Envelope envelope, BodyPart body,
                               Optional<Long> sentDate) {
    public MessageStructure {
        header = List.copyOf(header);
    }
}
