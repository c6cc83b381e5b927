package io.serai.routes.relay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Turns what Angus Mail threw for one attempt into per-recipient outcomes. With {@code mail.smtp.sendpartial}
 * the message goes to the accepted recipients and the exception lists the sent, the rejected (5xx at RCPT) and
 * the deferred (4xx at RCPT) addresses, with each RCPT reply chained as an {@link SMTPAddressFailedException}. A
 * failure at MAIL FROM or after DATA is one reply for all. Anything else (no connection, TLS, authentication) is a
 * local, temporary failure for every recipient.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    static List<RecipientFailure> of(Throwable error, List<String> recipients) {
        SendFailedException send = find(error, SendFailedException.class);
        if (send == null) {
            return recipients.stream().map(r -> RecipientFailure.local(r, describe(error))).toList();
        }
        Set<String> sent = set(send.getValidSentAddresses());
        Set<String> rejected = set(send.getInvalidAddresses());
        Map<String, SMTPAddressFailedException> replies = rcptReplies(send);
        List<RecipientFailure> failures = new ArrayList<>();
        for (String recipient : recipients) {
            String key = recipient.toLowerCase(Locale.ROOT);
            if (sent.contains(key)) {
                continue;
            }
            SMTPAddressFailedException rcpt = replies.get(key);
            if (rcpt != null) {
                failures.add(RecipientFailure.fromReply(recipient, rcpt.getReturnCode(), rcpt.getMessage()));
            } else if (send instanceof SMTPSendFailedException whole && !rejected.contains(key)) {
                failures.add(RecipientFailure.fromReply(recipient, whole.getReturnCode(), whole.getMessage()));
            } else if (rejected.contains(key)) {
                failures.add(RecipientFailure.fromReply(recipient, 550, send.getMessage()));
            } else {
                failures.add(RecipientFailure.local(recipient, describe(error)));
            }
        }
        return failures;
    }

    private static Map<String, SMTPAddressFailedException> rcptReplies(MessagingException e) {
        Map<String, SMTPAddressFailedException> replies = new HashMap<>();
        for (Exception next = e; next != null;
             next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException rcpt) {
                replies.put(rcpt.getAddress().getAddress().toLowerCase(Locale.ROOT), rcpt);
            }
        }
        return replies;
    }

    private static Set<String> set(Address[] addresses) {
        Set<String> out = new HashSet<>();
        if (addresses != null) {
            for (Address a : addresses) {
                out.add(((InternetAddress) a).getAddress().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == error ? text : error.getClass().getSimpleName() + ": " + text;
    }
}
