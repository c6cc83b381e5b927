package io.serai.camel.mailbox.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.serai.camel.mailbox.MailboxConstants;
import io.serai.camel.mailbox.mime.EncodedWords;
import io.serai.store.api.MessageContent;
import io.serai.store.api.MessageMeta;
import io.serai.store.api.mime.Envelope;
import org.apache.camel.Message;

/** Puts a stored message's metadata on a Camel message; the one place of the store-to-Camel header mapping. */
public final class MessageBinding {

    private MessageBinding() {
    }

    public static void bind(Message message, String account, String folder, long uidValidity, MessageContent content)
            throws IOException {
        MessageMeta meta = content.meta();
        message.setHeader(MailboxConstants.ACCOUNT, account);
        message.setHeader(MailboxConstants.FOLDER, folder);
        message.setHeader(MailboxConstants.UID, meta.uid());
        message.setHeader(MailboxConstants.UID_VALIDITY, uidValidity);
        message.setHeader(MailboxConstants.FLAGS, FlagList.format(meta.flags()));
        message.setHeader(MailboxConstants.SIZE, meta.size());
        message.setHeader(MailboxConstants.INTERNAL_DATE, meta.internalDate());
        Envelope envelope = content.structure().envelope();
        setDecoded(message, MailboxConstants.FROM, envelope.from());
        setDecoded(message, MailboxConstants.TO, envelope.to());
        setDecoded(message, MailboxConstants.SUBJECT, envelope.subject());
    }

    private static void setDecoded(Message message, String header, Optional<byte[]> value) {
        // UTF-8 covers ASCII and RFC 6532 headers; RFC 2047 encoded words are decoded for the route
        value.ifPresent(v -> message.setHeader(header, EncodedWords.decode(new String(v, StandardCharsets.UTF_8))));
    }
}
