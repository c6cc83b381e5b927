package io.serai.camel.mailbox.mime;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import io.serai.store.api.MessageContent;
import io.serai.store.api.mime.BodyPart;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

/** One leaf part of a stored message: its type, file name and content, read from the store when opened. */
public final class MessagePart {

    private final MessageContent content;
    private final BodyPart part;
    private final String fileName;
    private final boolean attachment;

    MessagePart(MessageContent content, BodyPart part, String fileName, boolean attachment) {
        this.content = content;
        this.part = part;
        this.fileName = fileName;
        this.attachment = attachment;
    }

    /** {@code type/subtype}, lower case, without parameters. */
    public String contentType() {
        return part.type() + "/" + part.subtype();
    }

    /** A Content-Type parameter ({@code charset}, ...) as sent, or null. */
    public String parameter(String name) {
        return part.parameters().get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The file name the sender gave, decoded (RFC 2231 parameters, RFC 2047 words), or null. Not safe as a path:
     * whoever writes files makes it safe.
     */
    public String fileName() {
        return fileName;
    }

    public boolean isAttachment() {
        return attachment;
    }

    /**
     * The content with its transfer encoding (base64, quoted-printable) undone, streamed from the store. The
     * caller closes it.
     */
    public InputStream openDecoded() throws IOException {
        InputStream whole = content.openStream();
        try {
            whole.skipNBytes(part.bodyOffset());
        } catch (IOException | RuntimeException e) {
            whole.close();
            throw e;
        }
        InputStream encoded = new BufferedInputStream(new BoundedInputStream(whole, part.octets()));
        return switch (part.encoding().toLowerCase(Locale.ROOT)) {
            case "base64" -> new Base64InputStream(encoded, DecodeMonitor.SILENT);
            case "quoted-printable" -> new QuotedPrintableInputStream(encoded, DecodeMonitor.SILENT);
            default -> encoded;
        };
    }
}
