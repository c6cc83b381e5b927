package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.literal.Literal;
import io.serai.imap.protocol.request.AppendMessageRequest;
import io.serai.imap.protocol.request.CatenatePart;
import io.serai.imap.protocol.request.ImapRequest;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code "APPEND" SP mailbox [SP flag-list] [SP date-time] SP literal} (RFC 9051 §6.3.12; literal8 {@code ~{n}}
 * from RFC 3516 is accepted), repeated for MULTIAPPEND (RFC 3502 §6.3.11: {@code 1*(SP append-message)}); a message
 * may be a CATENATE of text literals and IMAP URLs (RFC 4469 §5).
 */
final class AppendDecoder implements CommandDecoder {

    @Override
    public ImapRequest decode(String tag, String command, ArgumentReader in, boolean utf8) throws DecodeException {
        in.sp();
        String mailbox = MailboxNames.decode(in.astring(), utf8);
        List<AppendMessageRequest.Message> messages = new ArrayList<>();
        do {
            in.sp();
            messages.add(message(in, utf8));
        } while (in.peek() == ' ');
        in.end();
        return new AppendMessageRequest(tag, mailbox, messages);
    }

    /** {@code [flag-list SP] [date-time SP] (literal / "UTF8" SP "(" literal8 ")")}. */
    private static AppendMessageRequest.Message message(ArgumentReader in, boolean utf8) throws DecodeException {
        List<String> flags = new ArrayList<>();
        if (in.peek() == '(') {
            flags = flagList(in);
            in.sp();
        }
        OffsetDateTime date = null;
        if (in.peek() == '"') {
            date = DateTimes.dateTime(new String(in.string(), StandardCharsets.US_ASCII));
            in.sp();
        }
        Literal message;
        if (in.peek() == 'C' || in.peek() == 'c') {
            return new AppendMessageRequest.Message(flags, date, null, catenate(in));
        }
        if (in.peek() == 'U' || in.peek() == 'u') {
            message = utf8Data(in, utf8);
        } else {
            if (in.peek() != '{' && in.peek() != '~') {
                throw in.error("APPEND needs the message as a literal");
            }
            message = in.literalContent();
        }
        return new AppendMessageRequest.Message(flags, date, message);
    }

    /**
     * {@code "UTF8" SP "(" literal8 ")"} (RFC 6855 §4): a message that may carry UTF-8 headers, only after ENABLE
     * UTF8=ACCEPT. The bytes are stored as they come.
     */
    private static Literal utf8Data(ArgumentReader in, boolean utf8) throws DecodeException {
        if (!in.atom().equalsIgnoreCase("UTF8")) {
            throw in.error("APPEND needs the message as a literal");
        }
        if (!utf8) {
            throw in.error("APPEND UTF8 needs ENABLE UTF8=ACCEPT");
        }
        in.sp();
        in.expect('(');
        if (in.peek() != '~') {
            throw in.error("APPEND UTF8 needs a literal8");
        }
        Literal message = in.literalContent();
        in.expect(')');
        return message;
    }

    /**
     * {@code "CATENATE" SP "(" cat-part *(SP cat-part) ")"}, {@code cat-part = "TEXT" SP literal / "URL" SP astring}
     * (RFC 4469 §5). A TEXT literal may be a literal8 when BINARY is advertised (RFC 4469 §5, last paragraph).
     */
    private static List<CatenatePart> catenate(ArgumentReader in) throws DecodeException {
        if (!in.atom().equalsIgnoreCase("CATENATE")) {
            throw in.error("APPEND needs the message as a literal");
        }
        in.sp();
        in.expect('(');
        List<CatenatePart> parts = new ArrayList<>();
        do {
            String kind = in.atom().toUpperCase(java.util.Locale.ROOT);
            in.sp();
            switch (kind) {
                case "TEXT" -> {
                    if (in.peek() != '{' && in.peek() != '~') {
                        throw in.error("CATENATE TEXT needs a literal");
                    }
                    parts.add(new CatenatePart.Text(in.literalContent()));
                }
                case "URL" -> parts.add(new CatenatePart.Url(in.astring()));
                default -> throw in.error("CATENATE part must be TEXT or URL");
            }
        } while (in.tryConsume(' '));
        in.expect(')');
        return parts;
    }

    /** {@code flag-list = "(" [flag *(SP flag)] ")"}, flag = {@code "\" atom} or a keyword atom (RFC 9051 §9). */
    static List<String> flagList(ArgumentReader in) throws DecodeException {
        in.expect('(');
        List<String> flags = new ArrayList<>();
        if (in.tryConsume(')')) {
            return flags;
        }
        do {
            flags.add(in.tryConsume('\\') ? "\\" + in.atom() : in.atom());
        } while (in.tryConsume(' '));
        in.expect(')');
        return flags;
    }
}
