package io.serai.smtp.protocol;

import io.serai.smtp.api.BodyType;
import io.serai.smtp.api.Envelope;
import io.serai.smtp.api.Recipient;
import io.serai.smtp.api.RecipientValidator.RecipientStatus;
import io.serai.smtp.api.SmtpReply;
import io.serai.smtp.api.SmtpServerConfig;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/** MAIL FROM and RCPT TO: argument checks, ESMTP parameters and the relay policy. */
final class EnvelopeCommands {

    // RFC 3461 §4: xtext is printable ASCII except '+' and '=', with "+XX" hex escapes
    private static final Pattern XTEXT = Pattern.compile("([\\x21-\\x2A\\x2C-\\x3C\\x3E-\\x7E]|\\+[0-9A-F]{2})+");

    private final SmtpServerConfig config;

    EnvelopeCommands(SmtpServerConfig config) {
        this.config = config;
    }

    /** Fills {@code tx} from MAIL FROM and returns the reply; {@code tx} is left empty on failure. */
    SmtpReply mail(String argument, Transaction tx) {
        Optional<PathArguments> parsed = PathParser.parse(argument, "FROM:");
        if (parsed.isEmpty()) {
            return Replies.BAD_MAIL_SYNTAX;
        }
        String path = parsed.get().mailbox();
        Map<String, String> params = parsed.get().parameters();
        boolean smtpUtf8 = params.containsKey("SMTPUTF8");
        if (!path.isEmpty()) {
            MailboxSyntax.Result syntax = MailboxSyntax.check(path);
            if (syntax == MailboxSyntax.Result.INVALID) {
                return Replies.BAD_SENDER_ADDRESS;
            }
            if (syntax == MailboxSyntax.Result.NEEDS_SMTPUTF8 && !smtpUtf8) {
                return Replies.NON_ASCII_WITHOUT_SMTPUTF8;
            }
        }
        for (Map.Entry<String, String> p : params.entrySet()) {
            SmtpReply error = mailParameter(p.getKey(), p.getValue(), tx);
            if (error != null) {
                tx.reversePath = null;
                return error;
            }
        }
        tx.smtpUtf8 = smtpUtf8;
        tx.reversePath = path;
        return Replies.SENDER_OK;
    }

    private SmtpReply mailParameter(String key, String value, Transaction tx) {
        switch (key) {
            case "SIZE" -> { // RFC 1870 §6
                if (!value.matches("\\d{1,18}")) {
                    return SmtpReply.of(501, "5.5.4", "Syntax error in SIZE parameter");
                }
                long size = Long.parseLong(value);
                if (size > config.limits().maxMessageSize()) {
                    return Replies.MESSAGE_TOO_BIG;
                }
                tx.declaredSize = OptionalLong.of(size);
            }
            case "BODY" -> { // RFC 6152 §3; BINARYMIME (RFC 3030 §3) is not offered
                switch (value.toUpperCase(Locale.ROOT)) {
                    case "7BIT" -> tx.bodyType = BodyType.SEVEN_BIT;
                    case "8BITMIME" -> tx.bodyType = BodyType.EIGHT_BIT_MIME;
                    default -> {
                        return SmtpReply.of(555, "5.5.4", "Unsupported BODY type");
                    }
                }
            }
            case "SMTPUTF8" -> { // RFC 6531 §3.4: no value
                if (!value.isEmpty()) {
                    return Replies.UNRECOGNIZED_PARAMETER;
                }
            }
            case "RET" -> { // RFC 3461 §4.3
                switch (value.toUpperCase(Locale.ROOT)) {
                    case "FULL" -> tx.dsnReturn = Optional.of(Envelope.DsnReturn.FULL);
                    case "HDRS" -> tx.dsnReturn = Optional.of(Envelope.DsnReturn.HDRS);
                    default -> {
                        return SmtpReply.of(501, "5.5.4", "RET must be FULL or HDRS");
                    }
                }
            }
            case "ENVID" -> { // RFC 3461 §4.4: xtext, at most 100 characters
                if (value.length() > 100 || !XTEXT.matcher(value).matches()) {
                    return SmtpReply.of(501, "5.5.4", "Syntax error in ENVID parameter");
                }
                tx.envelopeId = Optional.of(value);
            }
            case "AUTH" -> { // RFC 4954 §5: accepted and not trusted, so ignored
                if (!config.authEnabled()) {
                    return Replies.UNRECOGNIZED_PARAMETER;
                }
            }
            default -> {
                return Replies.UNRECOGNIZED_PARAMETER;
            }
        }
        return null;
    }

    /** Checks RCPT TO and adds the recipient to {@code tx} if accepted. */
    SmtpReply rcpt(String argument, Transaction tx, Optional<String> authenticatedUser) {
        Optional<PathArguments> parsed = PathParser.parse(argument, "TO:");
        if (parsed.isEmpty()) {
            return Replies.BAD_RCPT_SYNTAX;
        }
        String address = parsed.get().mailbox();
        Set<Recipient.DsnNotify> notify = EnumSet.noneOf(Recipient.DsnNotify.class);
        Optional<String> orcpt = Optional.empty();
        for (Map.Entry<String, String> p : parsed.get().parameters().entrySet()) {
            switch (p.getKey()) {
                case "NOTIFY" -> {
                    if (!parseNotify(p.getValue(), notify)) {
                        return SmtpReply.of(501, "5.5.4", "Syntax error in NOTIFY parameter");
                    }
                }
                case "ORCPT" -> { // RFC 3461 §4.2: addr-type ";" xtext
                    int semi = p.getValue().indexOf(';');
                    if (semi <= 0 || !XTEXT.matcher(p.getValue().substring(semi + 1)).matches()) {
                        return SmtpReply.of(501, "5.5.4", "Syntax error in ORCPT parameter");
                    }
                    orcpt = Optional.of(p.getValue());
                }
                default -> {
                    return Replies.UNRECOGNIZED_PARAMETER;
                }
            }
        }
        if (tx.recipients.size() >= config.limits().maxRecipients()) {
            return Replies.TOO_MANY_RECIPIENTS;
        }
        // RFC 5321 §4.1.1.3: <Postmaster> without a domain must be accepted
        boolean postmaster = address.equalsIgnoreCase("postmaster");
        if (!postmaster) {
            MailboxSyntax.Result syntax = MailboxSyntax.check(address);
            if (syntax == MailboxSyntax.Result.INVALID) {
                return Replies.BAD_RECIPIENT_ADDRESS;
            }
            if (syntax == MailboxSyntax.Result.NEEDS_SMTPUTF8 && !tx.smtpUtf8) {
                return Replies.NON_ASCII_WITHOUT_SMTPUTF8;
            }
        }
        Recipient recipient = new Recipient(address, notify, orcpt);
        SmtpReply decision = postmaster ? Replies.RECIPIENT_OK : relayDecision(recipient, authenticatedUser);
        if (decision.isPositive()) {
            tx.recipients.add(recipient);
        }
        return decision;
    }

    private SmtpReply relayDecision(Recipient recipient, Optional<String> authenticatedUser) {
        if (config.relayPolicy().isLocal(recipient.domain())) {
            RecipientStatus status;
            try {
                status = config.recipientValidator().check(recipient.address());
            } catch (RuntimeException e) {
                return Replies.RECIPIENT_UNAVAILABLE;
            }
            return switch (status) {
                case ACCEPT -> Replies.RECIPIENT_OK;
                case UNKNOWN_USER -> Replies.UNKNOWN_USER;
                case TEMPORARILY_UNAVAILABLE -> Replies.RECIPIENT_UNAVAILABLE;
            };
        }
        // relaying: only an authenticated session on a submission listener (RFC 6409 §4.3, RFC 5321 §3.6.2)
        boolean mayRelay = config.kind().authRequired() && authenticatedUser.isPresent()
                && config.relayPolicy().relayForAuthenticated();
        return mayRelay ? Replies.RECIPIENT_OK : Replies.RELAY_DENIED;
    }

    /** RFC 3461 §4.1: NEVER alone, or a comma list of SUCCESS, FAILURE, DELAY. */
    private static boolean parseNotify(String value, Set<Recipient.DsnNotify> into) {
        for (String item : value.toUpperCase(Locale.ROOT).split(",", -1)) {
            try {
                into.add(Recipient.DsnNotify.valueOf(item));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return !into.contains(Recipient.DsnNotify.NEVER) || into.size() == 1;
    }
}
