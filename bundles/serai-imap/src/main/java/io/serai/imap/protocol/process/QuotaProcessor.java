package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.ImapRequest;
import io.serai.imap.protocol.request.MailboxRequest;
import io.serai.imap.protocol.request.QuotaRootRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.QuotaResponse;
import io.serai.imap.protocol.response.QuotaRootResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.QuotaLimits;
import io.serai.store.api.QuotaUsage;
import io.serai.store.api.StoreException;

import java.util.ArrayList;
import java.util.List;

/**
 * GETQUOTAROOT, GETQUOTA and SETQUOTA (RFC 9208 §4.1). The store keeps one quota per account, so every mailbox has
 * the same root, the empty name {@code ""}, with the STORAGE (1024-octet units, §5.1.1) and MESSAGE (§5.1.2)
 * resources that have a limit. Usage is rounded up and the limit down, so a client never believes it has room the
 * store would refuse. Quotas are set by the administrator, so SETQUOTA is refused with {@code [NOPERM]} and
 * QUOTASET is not advertised (§4.1.3).
 */
final class QuotaProcessor implements CommandProcessor<ImapRequest> {

    static final String ROOT = "";

    @Override
    public void process(ImapRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        switch (request.command()) {
            case "GETQUOTAROOT" -> {
                String mailbox = ((MailboxRequest) request).mailbox();
                session.mailboxes().open(mailbox); // NO [NONEXISTENT] for a mailbox that does not exist
                List<QuotaResponse.Resource> resources = resources(session);
                out.add(new QuotaRootResponse(mailbox, resources.isEmpty() ? List.of() : List.of(ROOT)));
                if (!resources.isEmpty()) {
                    out.add(new QuotaResponse(ROOT, resources));
                }
                out.add(StatusResponse.ok(request.tag(), "GETQUOTAROOT completed"));
            }
            case "GETQUOTA" -> {
                List<QuotaResponse.Resource> resources = resources(session);
                if (!((QuotaRootRequest) request).root().equals(ROOT) || resources.isEmpty()) {
                    out.add(StatusResponse.no(request.tag(), ResponseCode.NONEXISTENT, "No such quota root"));
                    return;
                }
                out.add(new QuotaResponse(ROOT, resources));
                out.add(StatusResponse.ok(request.tag(), "GETQUOTA completed"));
            }
            default -> out.add(StatusResponse.no(request.tag(), ResponseCode.of("NOPERM"),
                    "Quotas are set by the administrator"));
        }
    }

    private static List<QuotaResponse.Resource> resources(ImapSession session) throws StoreException {
        QuotaUsage usage = session.config().store().accounts().quota(session.user());
        QuotaLimits limits = usage.limits();
        List<QuotaResponse.Resource> resources = new ArrayList<>(2);
        if (limits.maxOctets() != Long.MAX_VALUE) {
            resources.add(new QuotaResponse.Resource("STORAGE", (usage.octets() + 1023) / 1024,
                    limits.maxOctets() / 1024));
        }
        if (limits.maxMessages() != Long.MAX_VALUE) {
            resources.add(new QuotaResponse.Resource("MESSAGE", usage.messages(), limits.maxMessages()));
        }
        return resources;
    }
}
