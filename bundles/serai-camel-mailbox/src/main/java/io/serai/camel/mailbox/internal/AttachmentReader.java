package io.serai.camel.mailbox.internal;

import io.serai.camel.mailbox.mime.MessagePart;
import io.serai.camel.mailbox.mime.MessageParts;
import io.serai.store.api.MessageContent;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The attachments of a stored message ({@link MessageParts#attachments()}), decoded, for {@code attachments=true}.
 * Names are made safe ({@link AttachmentNames}). At most {@code maxCount} are read, each at most {@code maxSize}
 * decoded octets; the rest are counted as skipped, never read into memory.
 */
final class AttachmentReader {

    record Attachment(String name, String contentType, byte[] bytes) {
    }

    record Result(List<Attachment> attachments, int skipped) {
    }

    private final int maxCount;
    private final long maxSize;

    AttachmentReader(int maxCount, long maxSize) {
        this.maxCount = maxCount;
        this.maxSize = maxSize;
    }

    Result read(MessageContent content) throws IOException {
        List<Attachment> out = new ArrayList<>();
        AttachmentNames names = new AttachmentNames();
        int skipped = 0;
        for (MessagePart part : MessageParts.of(content).attachments()) {
            if (out.size() >= maxCount) {
                skipped++;
                continue;
            }
            byte[] bytes = decoded(part);
            if (bytes == null) {
                skipped++;
                continue;
            }
            out.add(new Attachment(names.next(part.fileName(), out.size() + 1), part.contentType(), bytes));
        }
        return new Result(out, skipped);
    }

    /** The decoded body, or null when it is larger than allowed (reading stops there). */
    private byte[] decoded(MessagePart part) throws IOException {
        try (InputStream in = part.openDecoded()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxSize + 1));
            return bytes.length > maxSize ? null : bytes;
        }
    }
}
