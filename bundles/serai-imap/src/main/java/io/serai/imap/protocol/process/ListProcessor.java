package io.serai.imap.protocol.process;

import io.serai.imap.protocol.decode.DecodeException;
import io.serai.imap.protocol.decode.MailboxNames;
import io.serai.imap.protocol.request.ListRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ListResponse;
import io.serai.imap.protocol.response.MailboxStatusResponse;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.Mailboxes;
import io.serai.store.api.StoreException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * LIST with the LIST-EXTENDED selection options SUBSCRIBED and SPECIAL-USE (RFC 5258, RFC 6154 §3), the return
 * options SUBSCRIBED, CHILDREN, SPECIAL-USE and STATUS (RFC 5819), and LSUB (RFC 3501 §6.3.9). Child and
 * special-use attributes are always returned, as RFC 9051 §7.3.1 and RFC 6154 §2 allow.
 * Not yet: RECURSIVEMATCH and \NonExistent parents of deeper matches.
 */
final class ListProcessor implements CommandProcessor<ListRequest> {

    @Override
    public void process(ListRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        if (!request.lsub() && request.patterns().size() == 1 && request.patterns().get(0).isEmpty()) {
            // RFC 9051 §6.3.9: an empty pattern asks for the delimiter and the root
            out.add(new ListResponse(false, List.of("\\Noselect"), Mailboxes.DELIMITER, ""));
            out.add(StatusResponse.ok(request.tag(), "LIST completed"));
            return;
        }
        List<MailboxPattern> patterns = new ArrayList<>();
        for (String p : request.patterns()) {
            try {
                patterns.add(new MailboxPattern(request.reference(), MailboxNames.decode(p, session.utf8())));
            } catch (DecodeException e) {
                // a pattern that is not modified UTF-7 names no mailbox: it matches nothing (as in Dovecot)
            }
        }
        Mailboxes mailboxes = session.mailboxes();
        Map<String, MailboxInfo> existing = new TreeMap<>();
        for (MailboxInfo info : mailboxes.list()) {
            existing.put(info.name(), info);
        }
        Set<String> subscribed = new HashSet<>(mailboxes.subscriptions());
        boolean onlySubscribed = request.lsub() || request.selection().contains("SUBSCRIBED");
        boolean onlySpecial = request.selection().contains("SPECIAL-USE");
        boolean markSubscribed = onlySubscribed || request.returns().contains("SUBSCRIBED");
        Set<String> candidates = new java.util.TreeSet<>(onlySubscribed ? subscribed : existing.keySet());
        for (String name : sortInboxFirst(candidates)) {
            MailboxInfo info = existing.get(name);
            if (!patterns.stream().anyMatch(p -> p.matches(name)) || (onlySpecial && (info == null
                    || info.specialUse().isEmpty()))) {
                continue;
            }
            List<String> attributes = new ArrayList<>();
            if (info == null) {
                attributes.add(request.lsub() ? "\\Noselect" : "\\NonExistent");
            } else if (!request.lsub()) {
                attributes.add(hasChildren(name, existing.keySet()) ? "\\HasChildren" : "\\HasNoChildren");
                info.specialUse().ifPresent(u -> attributes.add(u.attribute()));
            }
            if (markSubscribed && !request.lsub() && subscribed.contains(name)) {
                attributes.add("\\Subscribed");
            }
            out.add(new ListResponse(request.lsub(), attributes, Mailboxes.DELIMITER, name));
            if (info != null && !request.statusItems().isEmpty()) {
                out.add(new MailboxStatusResponse(name, StatusValues.of(mailboxes.open(name), request.statusItems(),
                        session.config().appendLimit())));
            }
        }
        if (request.lsub() || (onlySubscribed && request.selection().contains("RECURSIVEMATCH"))) {
            for (String parent : parentsOfUnlisted(subscribed, patterns)) {
                if (request.lsub()) {
                    out.add(new ListResponse(true, List.of("\\Noselect"), Mailboxes.DELIMITER, parent));
                } else {
                    List<String> attributes = new ArrayList<>();
                    attributes.add(existing.containsKey(parent) ? "\\HasChildren" : "\\NonExistent");
                    out.add(new ListResponse(false, attributes, Mailboxes.DELIMITER, parent, true));
                }
            }
        }
        out.add(StatusResponse.ok(request.tag(), request.command() + " completed"));
    }

    /**
     * Names that match a pattern and are not subscribed themselves, but have a subscribed descendant the patterns do
     * not reach. LSUB returns them as {@code \Noselect} (RFC 3501 §6.3.9: "LSUB "" %" shows the parent of a
     * subscribed child), LIST (SUBSCRIBED RECURSIVEMATCH) with {@code CHILDINFO ("SUBSCRIBED")} (RFC 5258 §3.5).
     */
    private static Set<String> parentsOfUnlisted(Set<String> subscribed, List<MailboxPattern> patterns) {
        Set<String> parents = new java.util.TreeSet<>();
        for (String name : subscribed) {
            if (patterns.stream().anyMatch(p -> p.matches(name))) {
                continue;
            }
            for (int cut = name.lastIndexOf(Mailboxes.DELIMITER); cut > 0;
                 cut = name.lastIndexOf(Mailboxes.DELIMITER, cut - 1)) {
                String parent = name.substring(0, cut);
                if (!subscribed.contains(parent) && patterns.stream().anyMatch(p -> p.matches(parent))) {
                    parents.add(parent);
                }
            }
        }
        return parents;
    }

    private static boolean hasChildren(String name, Set<String> names) {
        String prefix = name + Mailboxes.DELIMITER;
        return names.stream().anyMatch(n -> n.startsWith(prefix));
    }

    private static List<String> sortInboxFirst(Set<String> names) {
        List<String> sorted = new ArrayList<>();
        if (names.contains(Mailboxes.INBOX)) {
            sorted.add(Mailboxes.INBOX);
        }
        names.stream().filter(n -> !n.equals(Mailboxes.INBOX)).forEach(sorted::add);
        return sorted;
    }
}
