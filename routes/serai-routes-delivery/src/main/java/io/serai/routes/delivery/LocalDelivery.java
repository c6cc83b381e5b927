package io.serai.routes.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.serai.smtp.api.RejectException;
import io.serai.smtp.api.SmtpReply;
import io.serai.store.api.AppendRequest;
import io.serai.store.api.ContentSource;
import io.serai.store.api.Flags;
import io.serai.store.api.MailStore;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.QuotaExceededException;
import io.serai.store.api.QuotaUsage;
import io.serai.store.api.Recipient;
import io.serai.store.api.StoreException;
import io.serai.store.api.StoreFullException;

/**
 * Delivers one accepted message into the mailboxes of its local recipients: the INBOX, or the folder named by a
 * {@code +detail} (RFC 5233) when the account has one. Each account and folder gets the message once, even when
 * an alias and the address itself are both recipients.
 *
 * <p>The SMTP reply covers the whole message, so with several recipients quotas are checked for each before
 * anything is written (with one, the append's own check is enough): a full mailbox makes the client retry later ({@code 452 4.2.2}) without the others getting a copy
 * twice. A full disk is {@code 452 4.3.1} (RFC 3463).
 */
public final class LocalDelivery {

    private final MailStore store;

    public LocalDelivery(MailStore store) {
        this.store = store;
    }

    /** Appends the content for each recipient; returns the number of copies stored. */
    public int deliver(List<String> recipients, ContentSource content, long size, Instant received)
            throws RejectException {
        Map<String, Target> targets = targets(recipients);
        try {
            if (targets.size() > 1) {
                // one target: its append checks the quota in its own transaction and fails the same way, with
                // nothing written, so the read before it would only cost a round trip per message
                checkQuotas(targets, size);
            }
            for (Target target : targets.values()) {
                store.mailboxes(target.account()).open(target.mailbox())
                        .append(new AppendRequest(content, received, Flags.NONE));
            }
        } catch (QuotaExceededException e) {
            throw new RejectException(SmtpReply.of(452, "4.2.2", "Mailbox full"));
        } catch (StoreFullException e) {
            throw new RejectException(SmtpReply.of(452, "4.3.1", "Insufficient system storage"));
        } catch (StoreException e) {
            throw new RejectException(SmtpReply.of(451, "4.3.0", "Mailbox store unavailable, try again later"));
        }
        return targets.size();
    }

    private Map<String, Target> targets(List<String> recipients) throws RejectException {
        Map<String, Target> targets = new LinkedHashMap<>();
        for (String address : recipients) {
            Optional<Recipient> recipient = store.recipients().resolve(address);
            if (recipient.isEmpty()) {
                // validated at RCPT time; gone since (account removed meanwhile): nothing durable to promise
                throw new RejectException(SmtpReply.of(550, "5.1.1", "No such user: " + address));
            }
            Target target = targetOf(recipient.get());
            targets.putIfAbsent(target.account().toLowerCase(Locale.ROOT) + "\0" + target.mailbox(), target);
        }
        return targets;
    }

    private Target targetOf(Recipient recipient) throws RejectException {
        String mailbox = Mailboxes.INBOX;
        if (recipient.detail().isPresent()) {
            try {
                String detail = recipient.detail().get();
                for (MailboxInfo info : store.mailboxes(recipient.account()).list()) {
                    if (info.name().equalsIgnoreCase(detail)) {
                        mailbox = info.name();
                        break;
                    }
                }
            } catch (StoreException e) {
                throw new RejectException(SmtpReply.of(451, "4.3.0", "Mailbox store unavailable, try again later"));
            }
        }
        return new Target(recipient.account(), mailbox);
    }

    private void checkQuotas(Map<String, Target> targets, long size) throws StoreException {
        for (Target target : targets.values()) {
            QuotaUsage usage = store.accounts().quota(target.account());
            if (usage.octets() + size > usage.limits().maxOctets()
                    || usage.messages() + 1 > usage.limits().maxMessages()) {
                throw new QuotaExceededException(target.account() + " is over quota");
            }
        }
    }

    private record Target(String account, String mailbox) {
    }
}
