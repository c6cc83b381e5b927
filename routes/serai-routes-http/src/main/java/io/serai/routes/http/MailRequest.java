package io.serai.routes.http;

import java.util.List;

/**
 * What a client posts: {@code {from, to[], cc[], bcc[], subject, text, html, attachments[{name, contentType,
 * base64}]}}, validated. Bcc recipients get the message but are not written into it.
 */
record MailRequest(String from, List<String> to, List<String> cc, List<String> bcc, String subject, String text,
                   String html, List<Attachment> attachments) {

    MailRequest {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        attachments = List.copyOf(attachments);
    }

    /** Every envelope recipient: to, cc and bcc, in that order. */
    List<String> recipients() {
        return java.util.stream.Stream.of(to, cc, bcc).flatMap(List::stream).toList();
    }

    record Attachment(String name, String contentType, byte[] content) {
    }
}
