package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.BinaryItem;
import io.serai.imap.protocol.response.FetchValue;
import io.serai.imap.protocol.response.LiteralData;
import io.serai.store.api.MessageContent;
import io.serai.store.api.mime.BodyPart;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * BINARY[part]<partial> and BINARY.SIZE[part] (RFC 3516 §4.2, §4.3; RFC 9051 §6.4.5): the part's body with its
 * transfer encoding removed. Identity encodings stay regions of the stored message; base64 and quoted-printable are
 * decoded in memory. {@code BINARY[]} is the whole message as stored.
 */
final class BinaryReader {

    private BinaryReader() {
    }

    static FetchValue read(BinaryItem item, MessageContent content)
            throws IOException, UnknownTransferEncodingException {
        String spec = item.part().stream().map(String::valueOf).collect(Collectors.joining("."));
        String name = (item.size() ? "BINARY.SIZE[" : "BINARY[") + spec + "]";
        LiteralData data = decoded(item, content);
        if (item.size()) {
            return new FetchValue.BinarySize(name, data == null ? 0 : data.length());
        }
        long origin = item.partial() == null ? -1 : item.partial().origin();
        return new FetchValue.Section(name, origin, data == null ? null
                : SectionReader.partial(data, item.partial()));
    }

    private static LiteralData decoded(BinaryItem item, MessageContent content)
            throws IOException, UnknownTransferEncodingException {
        if (item.part().isEmpty()) {
            return new LiteralData.Region(content, 0, content.size());
        }
        BodyPart part = PartLocator.locate(content.structure().body(), item.part());
        if (part == null) {
            return null;
        }
        long length = PartLocator.end(part) - part.bodyOffset();
        if (part.isMultipart() || PartLocator.isMessage(part) || TransferDecoding.identity(part.encoding())
                && !"binary".equals(part.encoding())) {
            return new LiteralData.Region(content, part.bodyOffset(), length); // 7bit and 8bit never hold NUL
        }
        byte[] raw = ContentBytes.read(content, part.bodyOffset(), length);
        byte[] bytes = "binary".equals(part.encoding()) ? raw : TransferDecoding.decode(part.encoding(), raw);
        return new LiteralData.Bytes(bytes, containsNul(bytes));
    }

    private static boolean containsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
