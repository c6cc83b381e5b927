package io.serai.camel.mailbox.internal;

import io.serai.camel.mailbox.MailboxConstants;
import io.serai.camel.mailbox.MailboxEndpoint;
import io.serai.store.api.MessageContent;
import jakarta.activation.DataHandler;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.attachment.DefaultAttachment;

/**
 * Puts a stored message's attachments on the exchange as Camel attachments ({@code attachments=true}). A class of
 * its own so that camel-attachments and Jakarta Activation are loaded only by routes that ask for attachments.
 */
final class AttachmentBinding {

    private AttachmentBinding() {
    }

    static void attach(Exchange exchange, MessageContent content, MailboxEndpoint endpoint) throws IOException {
        AttachmentReader.Result result = new AttachmentReader(endpoint.getMaxAttachments(),
                endpoint.getMaxAttachmentSize()).read(content);
        AttachmentMessage message = exchange.getMessage(AttachmentMessage.class);
        for (AttachmentReader.Attachment a : result.attachments()) {
            message.addAttachmentObject(a.name(), new DefaultAttachment(
                    new DataHandler(new BytesDataSource(a.name(), a.contentType(), a.bytes()))));
        }
        message.setHeader(MailboxConstants.ATTACHMENTS_SKIPPED, result.skipped());
    }
}
