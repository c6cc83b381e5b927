package io.serai.imap.protocol.process;

import io.serai.store.api.mime.BodyPart;

import java.util.List;

/**
 * Finds the entity a section's part numbers name (RFC 9051 §6.4.5): numbers index the parts of a multipart; part 1
 * of a non-multipart message is its body; after a message/rfc822 part the numbers go on inside the encapsulated
 * message.
 */
final class PartLocator {

    private PartLocator() {
    }

    /** The entity, or {@code null} when the message has no such part. */
    static BodyPart locate(BodyPart message, List<Integer> path) {
        BodyPart current = message;
        for (int i = 0; i < path.size(); i++) {
            int n = path.get(i);
            BodyPart container = current;
            if (i > 0 && isMessage(current)) {
                if (current.parts().isEmpty()) {
                    return null;
                }
                container = current.parts().get(0);
            }
            if (container.isMultipart() && !container.parts().isEmpty()) {
                if (n > container.parts().size()) {
                    return null;
                }
                current = container.parts().get(n - 1);
            } else if (n == 1) {
                current = container;
            } else {
                return null;
            }
        }
        return current;
    }

    static boolean isMessage(BodyPart part) {
        return "message".equals(part.type()) && "rfc822".equals(part.subtype());
    }

    /** Where the entity's body ends in the message; a multipart ends with its last part's body. */
    static long end(BodyPart part) {
        if (part.isMultipart() && !part.parts().isEmpty() && part.octets() == 0) {
            return end(part.parts().get(part.parts().size() - 1));
        }
        return part.bodyOffset() + part.octets();
    }
}
