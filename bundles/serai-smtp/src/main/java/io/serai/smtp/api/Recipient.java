package io.serai.smtp.api;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One accepted RCPT TO, with its DSN parameters (RFC 3461 §4).
 *
 * @param address            the forward-path mailbox, without angle brackets
 * @param notifyOn           the NOTIFY= values, empty when absent (the MTA default applies)
 * @param originalRecipient  the ORCPT= value as sent ({@code addr-type;xtext}), if given
 */
public record Recipient(String address, Set<DsnNotify> notifyOn, Optional<String> originalRecipient) {

    public Recipient {
        Objects.requireNonNull(address, "address");
        notifyOn = Set.copyOf(notifyOn);
        Objects.requireNonNull(originalRecipient, "originalRecipient");
    }

    public static Recipient of(String address) {
        return new Recipient(address, Set.of(), Optional.empty());
    }

    /** The part after the last '@', lower-cased per RFC 5321 §2.4 (domains are case-insensitive). */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The values of NOTIFY= (RFC 3461 §4.1). */
    public enum DsnNotify { NEVER, SUCCESS, FAILURE, DELAY }
}
