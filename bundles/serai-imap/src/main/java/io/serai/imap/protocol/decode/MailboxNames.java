package io.serai.imap.protocol.decode;

import io.serai.store.api.Mailboxes;
import io.serai.store.api.ModifiedUtf7;

import java.util.Locale;

/**
 * Turns the {@code mailbox} argument into a store name. IMAP4rev1 clients send modified UTF-7
 * (RFC 3501 §5.1.3); once IMAP4rev2 or UTF8=ACCEPT is enabled names are plain UTF-8 (RFC 9051 §5.1, RFC 6855 §3)
 * and {@code &} is an ordinary character. Raw 8-bit names from rev1 clients are taken as UTF-8.
 * {@code INBOX} is case-insensitive, also as the first level of a hierarchy (RFC 9051 §5.1).
 */
public final class MailboxNames {

    private MailboxNames() {
    }

    public static String decode(String wire, boolean utf8) throws DecodeException {
        String name = wire;
        if (!utf8 && isAscii(wire)) {
            try {
                name = ModifiedUtf7.decode(wire);
            } catch (IllegalArgumentException e) {
                throw DecodeException.refused("Mailbox name is not valid modified UTF-7: " + e.getMessage());
            }
        }
        return normalizeInbox(name);
    }

    /** The name as the client expects it on the wire. */
    public static String encode(String name, boolean utf8) {
        return utf8 ? name : ModifiedUtf7.encode(name);
    }

    public static String normalizeInbox(String name) {
        int inbox = Mailboxes.INBOX.length();
        if (name.length() >= inbox && name.substring(0, inbox).toUpperCase(Locale.ROOT).equals(Mailboxes.INBOX)
                && (name.length() == inbox || name.charAt(inbox) == Mailboxes.DELIMITER)) {
            return Mailboxes.INBOX + name.substring(inbox);
        }
        return name;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
