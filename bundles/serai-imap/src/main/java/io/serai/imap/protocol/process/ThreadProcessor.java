package io.serai.imap.protocol.process;

import io.serai.imap.protocol.request.ThreadAlgorithm;
import io.serai.imap.protocol.request.ThreadRequest;
import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.StatusResponse;
import io.serai.imap.protocol.response.ThreadResponse;
import io.serai.imap.protocol.sort.OrderedSubjectThreads;
import io.serai.imap.protocol.sort.ReferencesThreads;
import io.serai.imap.protocol.sort.SortFacts;
import io.serai.imap.protocol.sort.ThreadNode;
import io.serai.store.api.StoreException;

import java.util.ArrayList;
import java.util.List;

/**
 * THREAD and UID THREAD (RFC 5256 §3): the store finds the matches, {@link OrderedSubjectThreads} or
 * {@link ReferencesThreads} arranges them, and the trees are answered with sequence numbers or UIDs.
 */
final class ThreadProcessor implements CommandProcessor<ThreadRequest> {

    @Override
    public void process(ThreadRequest request, ImapSession session, List<ImapResponse> out) throws StoreException {
        SelectedMailbox selected = session.selected();
        long[] matches = SearchMatches.uidsOrRefuse(selected, request.tag(), request.charset(), request.criteria(),
                false, out);
        if (matches == null) {
            return;
        }
        boolean references = request.algorithm() == ThreadAlgorithm.REFERENCES;
        List<SortFacts> facts = SortFactsReader.read(selected, matches, references);
        List<ThreadNode> threads = references ? ReferencesThreads.of(facts) : OrderedSubjectThreads.of(facts);
        out.add(new ThreadResponse(nodes(threads, selected, request.byUid())));
        out.add(StatusResponse.ok(request.tag(), "THREAD completed"));
    }

    /** The trees with the numbers the client asked for; built bottom-up, so a deep chain does not recurse. */
    private static List<ThreadResponse.Node> nodes(List<ThreadNode> roots, SelectedMailbox selected, boolean byUid) {
        List<ThreadNode> all = ThreadNode.breadthFirst(roots);
        java.util.Map<ThreadNode, ThreadResponse.Node> built = new java.util.IdentityHashMap<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            ThreadNode n = all.get(i);
            List<ThreadResponse.Node> children = new ArrayList<>(n.children().size());
            for (ThreadNode c : n.children()) {
                children.add(built.remove(c));
            }
            long number = n.dummy() ? 0 : byUid ? n.facts().uid() : selected.msn(n.facts().uid());
            built.put(n, new ThreadResponse.Node(number, children));
        }
        List<ThreadResponse.Node> out = new ArrayList<>(roots.size());
        for (ThreadNode r : roots) {
            out.add(built.get(r));
        }
        return out;
    }
}
