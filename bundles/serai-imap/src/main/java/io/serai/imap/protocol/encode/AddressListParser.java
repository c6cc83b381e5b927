package io.serai.imap.protocol.encode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses an RFC 5322 §3.4 address-list (raw header octets, unfolded) into ENVELOPE addresses: display names (atoms
 * and quoted strings, encoded words left for the client), angle addresses with obsolete routes, bare addr-specs whose
 * trailing comment gives the name, and groups. Lenient like mail clients: a word without {@code @} becomes a mailbox
 * with host {@code MISSING_DOMAIN}, so it cannot be taken for a group marker (host NIL).
 *
 * <p>Works on ISO-8859-1 characters, one per octet, so 8-bit header octets come back unchanged.
 */
public final class AddressListParser {

    private static final byte[] MISSING_DOMAIN = "MISSING_DOMAIN".getBytes(StandardCharsets.US_ASCII);

    private final String s;
    private int pos;
    private String lastComment;

    private AddressListParser(byte[] value) {
        this.s = new String(value, StandardCharsets.ISO_8859_1);
    }

    public static List<Address> parse(byte[] value) {
        return new AddressListParser(value).addressList();
    }

    private List<Address> addressList() {
        List<Address> out = new ArrayList<>();
        while (true) {
            skipCfws();
            if (pos >= s.length()) {
                return out;
            }
            if (peek() == ',') {
                pos++;
                continue;
            }
            address(out, false);
        }
    }

    /** One mailbox or group; inside a group, {@code ;} ends it. */
    private void address(List<Address> out, boolean inGroup) {
        lastComment = null;
        List<String> words = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        while (true) {
            skipCfws();
            int c = peek();
            if (c == '"') {
                String q = quoted();
                words.add(q);
                raw.append('"').append(q.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else if (c == '.') {
                pos++;
                raw.append('.');
            } else if (c >= 0 && !isSpecial(c)) {
                String a = atom();
                words.add(a);
                raw.append(a);
            } else {
                break;
            }
        }
        int c = peek();
        if (c == '<') {
            pos++;
            angleAddr(out, phrase(words));
        } else if (c == ':' && !inGroup) {
            pos++;
            out.add(Address.groupStart(bytes(phrase(words))));
            while (true) {
                skipCfws();
                if (pos >= s.length() || peek() == ';') {
                    pos = Math.min(pos + 1, s.length());
                    break;
                }
                if (peek() == ',') {
                    pos++;
                    continue;
                }
                address(out, true);
            }
            out.add(Address.groupEnd());
        } else if (c == '@') {
            pos++;
            String host = domain();
            skipCfws(); // a trailing "(Name)" is the old way to give a display name
            out.add(new Address(bytes(lastComment), null, bytes(raw.toString()), bytes(host)));
        } else {
            if (raw.length() > 0) {
                out.add(new Address(null, null, bytes(raw.toString()), MISSING_DOMAIN));
            }
            if (c >= 0 && c != ',' && !(inGroup && c == ';')) {
                pos++; // a stray special: skip it rather than loop
            }
        }
    }

    /** {@code angle-addr = "<" [obs-route] addr-spec ">"}. */
    private void angleAddr(List<Address> out, String name) {
        String adl = null;
        skipCfws();
        if (peek() == '@') {
            int start = pos;
            while (pos < s.length() && peek() != ':' && peek() != '>') {
                pos++;
            }
            adl = s.substring(start, pos).replaceAll("\\s+", "");
            if (peek() == ':') {
                pos++;
            }
        }
        StringBuilder local = new StringBuilder();
        while (true) {
            skipCfws();
            int c = peek();
            if (c == '"') {
                local.append('"').append(quoted().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else if (c == '.') {
                pos++;
                local.append('.');
            } else if (c >= 0 && !isSpecial(c)) {
                local.append(atom());
            } else {
                break;
            }
        }
        String host = null;
        if (peek() == '@') {
            pos++;
            host = domain();
        }
        skipCfws();
        if (peek() == '>') {
            pos++;
        }
        if (local.length() == 0 && host == null) {
            return; // "<>" (e.g. a null Return-Path style sender) names nobody
        }
        out.add(new Address(bytes(name), bytes(adl), bytes(local.toString()),
                host == null ? MISSING_DOMAIN : bytes(host)));
    }

    private String domain() {
        StringBuilder d = new StringBuilder();
        while (true) {
            skipCfws();
            int c = peek();
            if (c == '[') {
                int end = s.indexOf(']', pos);
                end = end < 0 ? s.length() : end + 1;
                d.append(s, pos, end);
                pos = end;
            } else if (c == '.') {
                pos++;
                d.append('.');
            } else if (c >= 0 && !isSpecial(c)) {
                d.append(atom());
            } else {
                return d.toString();
            }
        }
    }

    private static String phrase(List<String> words) {
        return words.isEmpty() ? null : String.join(" ", words);
    }

    private String atom() {
        int start = pos;
        while (pos < s.length() && !isSpecial(s.charAt(pos)) && s.charAt(pos) > ' ' && s.charAt(pos) != 0x7f) {
            pos++;
        }
        return s.substring(start, pos);
    }

    private String quoted() {
        pos++; // DQUOTE
        StringBuilder q = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c == '\\' && pos < s.length()) {
                c = s.charAt(pos++);
            }
            q.append(c);
        }
        return q.toString();
    }

    /** Skips white space and comments, remembering the last comment's text. */
    private void skipCfws() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pos++;
            } else if (c == '(') {
                lastComment = comment();
            } else {
                return;
            }
        }
    }

    private String comment() {
        int depth = 0;
        StringBuilder text = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '\\' && pos < s.length()) {
                text.append(s.charAt(pos++));
                continue;
            }
            if (c == '(') {
                if (depth++ == 0) {
                    continue;
                }
            } else if (c == ')' && --depth == 0) {
                break;
            }
            text.append(c);
        }
        String t = text.toString().trim();
        return t.isEmpty() ? null : t;
    }

    private int peek() {
        return pos < s.length() ? s.charAt(pos) : -1;
    }

    /** RFC 5322 §3.2.3 specials, without the dot (handled where it may appear) and the quote. */
    private static boolean isSpecial(int c) {
        return "()<>[]:;@\\,.\"".indexOf(c) >= 0 || c <= ' ';
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
