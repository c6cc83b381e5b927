package io.serai.camel.mailbox.mime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.serai.store.api.MessageContent;
import io.serai.store.api.mime.BodyPart;
import org.apache.camel.Exchange;

/**
 * The leaf parts of a stored message in document order, each marked attachment or body. A leaf is an attachment
 * when its {@code Content-Disposition} is {@code attachment}, or when it has a file name and is not the message's
 * text: the first text part outside an attachment is the text even when a client gave it a name (RFC 2183).
 * Message/rfc822 parts are leaves. Nothing is read until a part's content is opened.
 */
public final class MessageParts {

    /**
     * The exchange property in which the {@code mailbox:} consumer hands the route the stored message
     * ({@link MessageContent}) while the route runs. A property, not a header, so producers never copy it into
     * outgoing messages.
     */
    public static final String CONTENT_PROPERTY = "SeraiMailboxContent";

    private final List<MessagePart> leaves;

    private MessageParts(List<MessagePart> leaves) {
        this.leaves = List.copyOf(leaves);
    }

    public static MessageParts of(MessageContent content) throws IOException {
        List<MessagePart> leaves = new ArrayList<>();
        collect(content, content.structure().body(), leaves, true);
        return new MessageParts(leaves);
    }

    /** The parts of the message a {@code mailbox:} consumer is delivering in {@code exchange}. */
    public static MessageParts of(Exchange exchange) throws IOException {
        MessageContent content = exchange.getProperty(CONTENT_PROPERTY, MessageContent.class);
        if (content == null) {
            throw new IllegalArgumentException("no " + CONTENT_PROPERTY + " property: the exchange does not come "
                    + "from a mailbox: consumer");
        }
        return of(content);
    }

    /** Every leaf part, in document order. */
    public List<MessagePart> all() {
        return leaves;
    }

    /** The attachments, in document order. */
    public List<MessagePart> attachments() {
        return leaves.stream().filter(MessagePart::isAttachment).toList();
    }

    /** The first body part (not an attachment) of {@code contentType}, e.g. {@code text/plain}. */
    public Optional<MessagePart> firstBody(String contentType) {
        String wanted = contentType.toLowerCase(Locale.ROOT);
        return leaves.stream().filter(p -> !p.isAttachment() && p.contentType().equals(wanted)).findFirst();
    }

    /** Adds the leaves under {@code part}; returns whether the message's text is still to be found. */
    private static boolean collect(MessageContent content, BodyPart part, List<MessagePart> into,
                                   boolean textWanted) {
        if (part.isMultipart()) {
            for (BodyPart child : part.parts()) {
                textWanted = collect(content, child, into, textWanted);
            }
            return textWanted;
        }
        boolean dispositionAttachment = part.disposition()
                .map(d -> d.toLowerCase(Locale.ROOT).startsWith("attachment")).orElse(false);
        String fileName = FileNames.of(part);
        boolean text = "text".equals(part.type());
        boolean attachment = dispositionAttachment || (fileName != null && !(textWanted && text));
        into.add(new MessagePart(content, part, fileName, attachment));
        return attachment ? textWanted : textWanted && !text;
    }
}
