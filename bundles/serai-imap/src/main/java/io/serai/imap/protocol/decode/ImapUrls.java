package io.serai.imap.protocol.decode;

import io.serai.imap.protocol.request.ImapUrl;
import io.serai.imap.protocol.request.Partial;
import io.serai.imap.protocol.request.Section;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads the IMAP URLs of CATENATE (RFC 4469 §5): {@code [imap://[user[;AUTH=...]@]host[:port]]/enc-mailbox
 * [;UIDVALIDITY=n]/;UID=n[/;SECTION=enc-section][/;PARTIAL=origin[.length]]} (RFC 5092 §3, §9 {@code imessagepart}).
 * Names and sections are %-decoded; the mailbox name is UTF-8 (RFC 5092 §3.3), the section is read like FETCH's
 * {@code section-spec}. URLAUTH ({@code ;EXPIRE=}, {@code ;URLAUTH=}) is not supported: such a URL is refused like
 * any other that cannot be resolved, so the caller answers {@code NO [BADURL]}.
 */
public final class ImapUrls {

    private ImapUrls() {
    }

    /** The URL's parts; {@link DecodeException} for anything that is not a message URL this server can resolve. */
    public static ImapUrl parse(String url) throws DecodeException {
        String rest = url;
        String user = null;
        if (rest.regionMatches(true, 0, "imap://", 0, 7)) {
            int slash = rest.indexOf('/', 7);
            if (slash < 0) {
                throw bad(url);
            }
            String authority = rest.substring(7, slash);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                String userinfo = authority.substring(0, at);
                int auth = userinfo.toUpperCase(Locale.ROOT).indexOf(";AUTH=");
                user = percentDecode(auth >= 0 ? userinfo.substring(0, auth) : userinfo, url);
            }
            rest = rest.substring(slash);
        }
        if (!rest.startsWith("/")) {
            throw bad(url);
        }
        String[] segments = rest.substring(1).split("/", -1);
        if (segments.length < 2) {
            throw bad(url);
        }
        String mailboxPart = segments[0];
        long uidValidity = 0;
        int semi = mailboxPart.indexOf(';');
        if (semi >= 0) {
            uidValidity = number(param(mailboxPart.substring(semi), "UIDVALIDITY", url), url);
            mailboxPart = mailboxPart.substring(0, semi);
        }
        if (mailboxPart.isEmpty()) {
            throw bad(url);
        }
        String mailbox = MailboxNames.normalizeInbox(percentDecode(mailboxPart, url));
        long uid = number(param(segments[1], "UID", url), url);
        Section section = Section.WHOLE;
        Partial partial = null;
        int next = 2;
        if (next < segments.length && startsWith(segments[next], ";SECTION=")) {
            section = section(percentDecode(param(segments[next], "SECTION", url), url), url);
            next++;
        }
        if (next < segments.length && startsWith(segments[next], ";PARTIAL=")) {
            partial = partial(param(segments[next], "PARTIAL", url), url);
            next++;
        }
        if (next != segments.length || uid == 0) {
            throw bad(url); // ;EXPIRE=, ;URLAUTH= or anything else
        }
        return new ImapUrl(user, mailbox, uidValidity, uid, section, partial);
    }

    private static boolean startsWith(String segment, String prefix) {
        return segment.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** The value of {@code ;NAME=value}, the whole segment. */
    private static String param(String segment, String name, String url) throws DecodeException {
        String prefix = ";" + name + "=";
        if (!startsWith(segment, prefix) || segment.length() == prefix.length()) {
            throw bad(url);
        }
        return segment.substring(prefix.length());
    }

    private static long number(String digits, String url) throws DecodeException {
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(url);
        }
        long n = Long.parseLong(digits);
        if (n == 0 || n > 0xFFFF_FFFFL) {
            throw bad(url); // nz-number, 32 bits (RFC 9051 §9)
        }
        return n;
    }

    /** {@code partial-range = number ["." nz-number]} (RFC 5092 §9): without a length, to the end. */
    private static Partial partial(String value, String url) throws DecodeException {
        int dot = value.indexOf('.');
        String origin = dot < 0 ? value : value.substring(0, dot);
        if (origin.isEmpty() || origin.length() > 10 || !origin.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(url);
        }
        long length = dot < 0 ? Long.MAX_VALUE : number(value.substring(dot + 1), url);
        return new Partial(Long.parseLong(origin), length);
    }

    /** The section as FETCH reads {@code [section-spec]}. */
    private static Section section(String spec, String url) throws DecodeException {
        ArgumentReader in = new ArgumentReader(("[" + spec + "]").getBytes(StandardCharsets.UTF_8));
        try {
            Section section = SectionDecoder.decode(in);
            in.end();
            return section;
        } catch (DecodeException e) {
            throw bad(url);
        }
    }

    /** %XX escapes to octets, read as UTF-8. */
    private static String percentDecode(String s, String url) throws DecodeException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= s.length()) {
                throw bad(url);
            }
            int hi = Character.digit(s.charAt(i + 1), 16);
            int lo = Character.digit(s.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                throw bad(url);
            }
            out.write(hi << 4 | lo);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static DecodeException bad(String url) {
        return DecodeException.refused("Bad IMAP URL " + url);
    }
}
