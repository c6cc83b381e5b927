package io.serai.routes.http;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.ParseException;
import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Reads and checks a {@link MailRequest}. Every problem is a {@link BadRequestException} whose message names the
 * field, so a client can fix its request without reading our code.
 */
final class MailRequestParser {

    private static final Set<String> FIELDS = Set.of("from", "to", "cc", "bcc", "subject", "text", "html",
            "attachments");

    private final int maxRecipients;

    MailRequestParser(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    MailRequest parse(String json) throws BadRequestException {
        Object parsed;
        try {
            parsed = Jsoner.deserialize(json);
        } catch (DeserializationException e) {
            throw new BadRequestException("not valid JSON at character " + e.getPosition());
        }
        if (!(parsed instanceof JsonObject object)) {
            throw new BadRequestException("expected a JSON object");
        }
        for (String key : object.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new BadRequestException("unknown field '" + key + "'");
            }
        }
        String from = address("from", string(object, "from", true));
        List<String> to = addresses(object, "to");
        List<String> cc = addresses(object, "cc");
        List<String> bcc = addresses(object, "bcc");
        int count = to.size() + cc.size() + bcc.size();
        if (count == 0) {
            throw new BadRequestException("'to', 'cc' or 'bcc' must name at least one recipient");
        }
        if (count > maxRecipients) {
            throw new BadRequestException("more than " + maxRecipients + " recipients");
        }
        String text = string(object, "text", false);
        String html = string(object, "html", false);
        if (text == null && html == null) {
            throw new BadRequestException("'text' or 'html' is required");
        }
        return new MailRequest(from, to, cc, bcc, string(object, "subject", false), text, html,
                attachments(object));
    }

    private static String string(Map<String, Object> object, String field, boolean required)
            throws BadRequestException {
        Object value = object.get(field);
        if (value == null) {
            if (required) {
                throw new BadRequestException("'" + field + "' is required");
            }
            return null;
        }
        if (!(value instanceof String s)) {
            throw new BadRequestException("'" + field + "' must be a string");
        }
        return s;
    }

    private static List<String> addresses(Map<String, Object> object, String field) throws BadRequestException {
        Object value = object.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new BadRequestException("'" + field + "' must be an array of addresses");
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw new BadRequestException("'" + field + "' must be an array of addresses");
            }
            out.add(address(field, s));
        }
        return out;
    }

    /** A bare addr-spec (RFC 5322 §3.4.1): no display names, no groups, no line breaks. */
    private static String address(String field, String value) throws BadRequestException {
        try {
            InternetAddress address = new InternetAddress(value, true);
            if (address.getPersonal() != null || address.isGroup() || !value.strip().equals(address.getAddress())
                    || address.getAddress().indexOf('@') < 1) {
                throw new AddressException("not a bare address");
            }
            return address.getAddress();
        } catch (AddressException e) {
            throw new BadRequestException("'" + field + "': '" + value + "' is not an email address");
        }
    }

    private static List<MailRequest.Attachment> attachments(Map<String, Object> object) throws BadRequestException {
        Object value = object.get("attachments");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new BadRequestException("'attachments' must be an array");
        }
        List<MailRequest.Attachment> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof JsonObject item)) {
                throw new BadRequestException("'attachments[" + i + "]' must be an object");
            }
            String name = string(item, "name", true);
            String type = string(item, "contentType", false);
            String data = string(item, "base64", true);
            if (type == null) {
                type = "application/octet-stream";
            }
            if (!type.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new BadRequestException("'attachments[" + i + "].contentType' is not a MIME type");
            }
            try {
                new ContentType(type);
            } catch (ParseException e) {
                throw new BadRequestException("'attachments[" + i + "].contentType' is not a MIME type");
            }
            try {
                // strict alphabet (the MIME decoder would skip garbage); line breaks are allowed
                byte[] content = Base64.getDecoder().decode(data.replaceAll("\\s+", ""));
                out.add(new MailRequest.Attachment(name, type, content));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("'attachments[" + i + "].base64' is not base64");
            }
        }
        return out;
    }
}
