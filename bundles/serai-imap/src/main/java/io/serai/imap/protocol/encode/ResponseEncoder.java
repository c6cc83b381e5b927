package io.serai.imap.protocol.encode;

import io.serai.imap.protocol.request.StatusItem;
import io.serai.imap.protocol.response.CapabilityResponse;
import io.serai.imap.protocol.response.ContinuationResponse;
import io.serai.imap.protocol.response.EnabledResponse;
import io.serai.imap.protocol.response.EsearchResponse;
import io.serai.imap.protocol.response.FetchResponse;
import io.serai.imap.protocol.response.FlagsFetchResponse;
import io.serai.imap.protocol.response.FlagsResponse;
import io.serai.imap.protocol.response.IdResponse;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ListResponse;
import io.serai.imap.protocol.response.MailboxStatusResponse;
import io.serai.imap.protocol.response.MessageCountResponse;
import io.serai.imap.protocol.response.NamespaceResponse;
import io.serai.imap.protocol.response.QuotaResponse;
import io.serai.imap.protocol.response.QuotaRootResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.SearchResponse;
import io.serai.imap.protocol.response.SortResponse;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.imap.protocol.response.ThreadResponse;
import io.serai.imap.protocol.response.VanishedResponse;

import java.util.List;
import java.util.Map;

/**
 * Encodes one {@link ImapResponse} to octets, CRLF included (RFC 9051 §7). One short method per response type.
 * Stateless; the caller passes whether UTF-8 is enabled (see {@link ImapWriter}).
 */
public final class ResponseEncoder {

    private final FetchResponseEncoder fetch = new FetchResponseEncoder();

    public byte[] encode(ImapResponse response, boolean utf8) {
        if (response instanceof FetchResponse r) {
            ByteArraySink sink = new ByteArraySink();
            fetch.encode(r, utf8, sink);
            return sink.toByteArray();
        }
        ImapWriter w = new ImapWriter(utf8);
        if (response instanceof StatusResponse r) {
            status(w, r);
        } else if (response instanceof ContinuationResponse r) {
            w.raw("+ ").raw(r.text());
        } else if (response instanceof CapabilityResponse r) {
            w.raw("* CAPABILITY ").raw(String.join(" ", r.capabilities()));
        } else if (response instanceof EnabledResponse r) {
            w.raw("* ENABLED");
            r.capabilities().forEach(c -> w.sp().raw(c));
        } else if (response instanceof MessageCountResponse r) {
            w.raw("* ").number(r.number()).sp().raw(r.kind().name());
        } else if (response instanceof FlagsResponse r) {
            w.raw("* FLAGS ");
            list(w, r.flags());
        } else if (response instanceof FlagsFetchResponse r) {
            flagsFetch(w, r);
        } else if (response instanceof ListResponse r) {
            list(w, r);
        } else if (response instanceof MailboxStatusResponse r) {
            mailboxStatus(w, r);
        } else if (response instanceof NamespaceResponse r) {
            w.raw("* NAMESPACE ((").string(r.personalPrefix()).sp().string(String.valueOf(r.delimiter()))
                    .raw(")) NIL NIL");
        } else if (response instanceof IdResponse r) {
            id(w, r.fields());
        } else if (response instanceof QuotaRootResponse r) {
            w.raw("* QUOTAROOT ").mailbox(r.mailbox());
            r.roots().forEach(root -> w.sp().astring(root));
        } else if (response instanceof QuotaResponse r) {
            quota(w, r);
        } else if (response instanceof SearchResponse r) {
            w.raw("* SEARCH");
            for (long n : r.numbers()) {
                w.sp().number(n);
            }
            if (r.modSeq() > 0) { // RFC 7162 §3.1.5
                w.raw(" (MODSEQ ").number(r.modSeq()).raw(")");
            }
        } else if (response instanceof SortResponse r) {
            w.raw("* SORT");
            for (long n : r.numbers()) {
                w.sp().number(n);
            }
            if (r.modSeq() > 0) { // RFC 7162 §3.1.5
                w.raw(" (MODSEQ ").number(r.modSeq()).raw(")");
            }
        } else if (response instanceof ThreadResponse r) {
            w.raw("* THREAD");
            if (!r.threads().isEmpty()) {
                w.sp();
            }
            for (ThreadResponse.Node t : r.threads()) {
                w.raw("(");
                threadMembers(w, t);
                w.raw(")");
            }
        } else if (response instanceof EsearchResponse r) {
            esearch(w, r);
        } else if (response instanceof VanishedResponse r) {
            vanished(w, r);
        } else {
            throw new IllegalArgumentException("no encoding for " + response.getClass().getName());
        }
        return w.crlf().toByteArray();
    }

    private static void status(ImapWriter w, StatusResponse r) {
        w.raw(r.tag() == null ? "*" : r.tag()).sp().raw(r.status().name()).sp();
        ResponseCode code = r.code();
        if (code != null) {
            w.raw("[").raw(code.name());
            if (!code.data().isEmpty()) {
                w.sp().raw(code.data());
            }
            w.raw("] ");
        }
        // resp-text is 1*TEXT-CHAR: never empty, never CR/LF (RFC 9051 §9)
        w.raw(r.text().isEmpty() ? "Done" : r.text().replaceAll("[\\r\\n]", " "));
    }

    private static void list(ImapWriter w, List<String> atoms) {
        w.raw("(").raw(String.join(" ", atoms)).raw(")");
    }

    private static void flagsFetch(ImapWriter w, FlagsFetchResponse r) {
        w.raw("* ").number(r.msn()).raw(" FETCH (");
        String sep = "";
        if (r.uid() > 0) {
            w.raw("UID ").number(r.uid());
            sep = " ";
        }
        if (!r.modSeqOnly()) {
            w.raw(sep).raw("FLAGS ");
            list(w, r.flags());
            sep = " ";
        }
        if (r.modSeq() > 0) {
            w.raw(sep).raw("MODSEQ (").number(r.modSeq()).raw(")");
        }
        w.raw(")");
    }

    private static void list(ImapWriter w, ListResponse r) {
        w.raw(r.lsub() ? "* LSUB " : "* LIST ");
        list(w, r.attributes());
        w.sp().string(String.valueOf(r.delimiter())).sp().mailbox(r.mailbox());
        if (r.childInfoSubscribed()) {
            w.raw(" (\"CHILDINFO\" (\"SUBSCRIBED\"))");
        }
    }

    private static void quota(ImapWriter w, QuotaResponse r) {
        w.raw("* QUOTA ").astring(r.root()).raw(" (");
        for (int i = 0; i < r.resources().size(); i++) {
            QuotaResponse.Resource res = r.resources().get(i);
            if (i > 0) {
                w.sp();
            }
            w.raw(res.name()).sp().number(res.usage()).sp().number(res.limit());
        }
        w.raw(")");
    }

    private static void mailboxStatus(ImapWriter w, MailboxStatusResponse r) {
        w.raw("* STATUS ").mailbox(r.mailbox()).raw(" (");
        boolean first = true;
        for (Map.Entry<StatusItem, Long> e : r.values().entrySet()) {
            if (!first) {
                w.sp();
            }
            first = false;
            w.raw(e.getKey().wireName()).sp().number(e.getValue());
        }
        w.raw(")");
    }

    private static void esearch(ImapWriter w, EsearchResponse r) {
        w.raw("* ESEARCH (TAG ").string(r.tag()).raw(")");
        if (r.uid()) {
            w.raw(" UID");
        }
        if (r.min() > 0) {
            w.raw(" MIN ").number(r.min());
        }
        if (r.max() > 0) {
            w.raw(" MAX ").number(r.max());
        }
        if (r.count() >= 0) {
            w.raw(" COUNT ").number(r.count());
        }
        if (r.all() != null && r.all().length > 0) {
            w.raw(" ALL ").raw(NumberSets.compact(r.all()));
        }
        if (r.partialRange() != null) { // RFC 9394 §3.1: NIL when no match is in the range
            long[] p = r.partial();
            w.raw(" PARTIAL (").raw(r.partialRange()).sp().raw(p.length == 0 ? "NIL" : NumberSets.compact(p))
                    .raw(")");
        }
        if (r.modSeq() > 0) { // RFC 7162 §3.1.5
            w.raw(" MODSEQ ").number(r.modSeq());
        }
    }

    /**
     * RFC 5256 §4 {@code thread-members}: a message, then its only reply in the same list, or its replies as nested
     * lists when there are two or more. A dummy writes only the nested lists. Chains are written in a loop, so only
     * branching recurses.
     */
    private static void threadMembers(ImapWriter w, ThreadResponse.Node node) {
        ThreadResponse.Node n = node;
        boolean first = true;
        while (true) {
            if (n.number() > 0) {
                if (!first) {
                    w.sp();
                }
                w.number(n.number());
                first = false;
            }
            if (n.children().size() == 1) {
                n = n.children().get(0);
                continue;
            }
            if (!n.children().isEmpty()) {
                if (!first) {
                    w.sp();
                }
                for (ThreadResponse.Node c : n.children()) {
                    w.raw("(");
                    threadMembers(w, c);
                    w.raw(")");
                }
            }
            return;
        }
    }

    private static void vanished(ImapWriter w, VanishedResponse r) {
        w.raw(r.earlier() ? "* VANISHED (EARLIER) " : "* VANISHED ");
        long[] ranges = r.ranges();
        for (int i = 0; i < ranges.length; i += 2) {
            if (i > 0) {
                w.raw(",");
            }
            w.number(ranges[i]);
            if (ranges[i + 1] != ranges[i]) {
                w.raw(":").number(ranges[i + 1]);
            }
        }
    }

    private static void id(ImapWriter w, Map<String, String> fields) {
        w.raw("* ID ");
        if (fields.isEmpty()) {
            w.nil();
            return;
        }
        w.raw("(");
        boolean first = true;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (!first) {
                w.sp();
            }
            first = false;
            w.string(e.getKey()).sp().nstring(e.getValue());
        }
        w.raw(")");
    }
}
