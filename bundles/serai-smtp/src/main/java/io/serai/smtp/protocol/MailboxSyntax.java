package io.serai.smtp.protocol;

import java.util.regex.Pattern;

/** Checks a mailbox against RFC 5321 §4.1.2 (and RFC 6531 §3.3 for UTF-8 addresses). */
public final class MailboxSyntax {

    /** The outcome of a check. */
    public enum Result { VALID, INVALID, NEEDS_SMTPUTF8 }

    // atext of RFC 5322 §3.2.3; characters >= 0x80 are allowed here and gated by SMTPUTF8 separately
    private static final Pattern DOT_STRING =
            Pattern.compile("[\\p{Alnum}!#$%&'*+/=?^_`{|}~\\-\\u0080-\\x{10FFFF}]+(\\.[\\p{Alnum}!#$%&'*+/=?^_`{|}~\\-\\u0080-\\x{10FFFF}]+)*");
    private static final Pattern QUOTED_STRING = Pattern.compile("\"([\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E\\u0080-\\x{10FFFF}]|\\\\[\\x20-\\x7E])*\"");
    private static final Pattern DOMAIN = Pattern.compile(
            "[\\p{Alnum}_\\u0080-\\x{10FFFF}]([\\p{Alnum}_\\-\\u0080-\\x{10FFFF}]*[\\p{Alnum}_\\u0080-\\x{10FFFF}])?"
                    + "(\\.[\\p{Alnum}_\\u0080-\\x{10FFFF}]([\\p{Alnum}_\\-\\u0080-\\x{10FFFF}]*[\\p{Alnum}_\\u0080-\\x{10FFFF}])?)*\\.?");
    private static final int MAX_DOMAIN = 255;
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("\\[[\\x21-\\x5A\\x5E-\\x7E]+\\]");

    private MailboxSyntax() {
    }

    public static Result check(String mailbox) {
        int at = mailbox.lastIndexOf('@');
        if (at <= 0 || at == mailbox.length() - 1) {
            return Result.INVALID;
        }
        String local = mailbox.substring(0, at);
        String domain = mailbox.substring(at + 1);
        // RFC 5321 §4.5.3.1.1 and §4.5.3.1.2 size limits
        if (local.length() > 64 || domain.length() > MAX_DOMAIN) {
            return Result.INVALID;
        }
        if (!DOT_STRING.matcher(local).matches() && !QUOTED_STRING.matcher(local).matches()) {
            return Result.INVALID;
        }
        if (!isDomainOrLiteral(domain)) {
            return Result.INVALID;
        }
        return isAscii(mailbox) ? Result.VALID : Result.NEEDS_SMTPUTF8;
    }

    /**
     * A HELO/EHLO argument or mailbox domain: a domain name or an address literal (RFC 5321 §4.1.3). At most 255
     * octets (RFC 5321 §4.5.3.1.2), checked before the patterns: their repeated groups recurse once per label, so a
     * long enough value overflowed the stack (found by fuzzing).
     */
    public static boolean isDomainOrLiteral(String value) {
        if (value.length() > MAX_DOMAIN) {
            return false;
        }
        return DOMAIN.matcher(value).matches() || ADDRESS_LITERAL.matcher(value).matches();
    }

    public static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
