package io.serai.camel.mailbox;

import java.io.InputStream;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** What a consumer route saw of one exchange, copied while the body stream was still open. */
record Delivered(long uid, String subject, byte[] body, List<String> flags, boolean redelivered, String thread,
                 Message message) {

    static Delivered of(Exchange exchange) throws Exception {
        Message m = exchange.getMessage();
        byte[] body;
        try (InputStream in = m.getBody(InputStream.class)) {
            body = in.readAllBytes();
        }
        @SuppressWarnings("unchecked")
        List<String> flags = m.getHeader(MailboxConstants.FLAGS, List.class);
        return new Delivered(m.getHeader(MailboxConstants.UID, Long.class),
                m.getHeader(MailboxConstants.SUBJECT, String.class), body, flags,
                m.getHeader(MailboxConstants.REDELIVERED, false, Boolean.class), Thread.currentThread().getName(),
                m.copy());
    }
}
