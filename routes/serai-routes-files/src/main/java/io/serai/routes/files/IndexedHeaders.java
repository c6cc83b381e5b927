package io.serai.routes.files;

import java.io.UnsupportedEncodingException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * The header fields the index shows, decoded for people: RFC 2047 encoded words in Subject and display names are
 * decoded, addresses are listed one by one. A header that does not parse is shown as it was sent rather than
 * dropped, since the .eml next to it holds the original anyway.
 */
record IndexedHeaders(List<String> from, List<String> to, List<String> cc, String subject, String date,
                      String messageId) {

    static IndexedHeaders of(MimeMessage message) throws MessagingException {
        return new IndexedHeaders(addresses(message, "From"), addresses(message, "To"), addresses(message, "Cc"),
                message.getSubject(), date(message), message.getMessageID());
    }

    private static String date(MimeMessage message) {
        try {
            Date sent = message.getSentDate();
            return sent == null ? null : DateTimeFormatter.ISO_INSTANT.format(sent.toInstant());
        } catch (MessagingException e) {
            return null;
        }
    }

    private static List<String> addresses(MimeMessage message, String name) throws MessagingException {
        String raw = message.getHeader(name, ",");
        if (raw == null) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            for (InternetAddress address : InternetAddress.parseHeader(raw, false)) {
                out.add(address.toUnicodeString());
            }
            return out;
        } catch (AddressException e) {
            return List.of(decoded(raw));
        }
    }

    private static String decoded(String raw) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(raw));
        } catch (UnsupportedEncodingException e) {
            return raw;
        }
    }

    String toJson() {
        return "\"messageId\":" + Json.string(messageId)
                + ",\"date\":" + Json.string(date)
                + ",\"from\":" + list(from)
                + ",\"to\":" + list(to)
                + ",\"cc\":" + list(cc)
                + ",\"subject\":" + Json.string(subject);
    }

    private static String list(List<String> values) {
        return values.stream().map(Json::string).collect(Collectors.joining(",", "[", "]"));
    }
}
