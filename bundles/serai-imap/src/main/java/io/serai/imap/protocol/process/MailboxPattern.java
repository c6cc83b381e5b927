package io.serai.imap.protocol.process;

import io.serai.imap.protocol.decode.MailboxNames;
import io.serai.store.api.Mailboxes;

import java.util.regex.Pattern;

/**
 * A LIST pattern (RFC 9051 §6.3.9): {@code *} matches anything, {@code %} anything but the hierarchy delimiter.
 * The reference is prefixed as is; {@code INBOX} in the pattern matches case-insensitively.
 */
final class MailboxPattern {

    private final Pattern regex;

    MailboxPattern(String reference, String pattern) {
        String full = MailboxNames.normalizeInbox(reference + pattern);
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < full.length(); i++) {
            char c = full.charAt(i);
            if (c == '*' || c == '%') {
                re.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                re.append(c == '*' ? ".*" : "[^" + Pattern.quote(String.valueOf(Mailboxes.DELIMITER)) + "]*");
            } else {
                literal.append(c);
            }
        }
        re.append(Pattern.quote(literal.toString()));
        this.regex = Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    boolean matches(String name) {
        return regex.matcher(name).matches();
    }
}
