package io.serai.imap.protocol.sort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * THREAD=REFERENCES (RFC 5256 §3, steps 1 to 6 of the algorithm there): messages are linked into trees by their
 * References (or In-Reply-To) ids, with dummies for referenced messages that are not in the result; dummies that
 * carry nothing are pruned; root threads with the same base subject are gathered; siblings are ordered by sent date.
 */
public final class ReferencesThreads {

    private ReferencesThreads() {
    }

    public static List<ThreadNode> of(List<SortFacts> messages) {
        List<ThreadNode> all = link(messages);
        List<ThreadNode> roots = new ArrayList<>();
        for (ThreadNode n : all) {
            if (n.parent() == null) { // step 2
                roots.add(n);
            }
        }
        prune(roots); // step 4
        ThreadNode.sortTree(roots);
        gatherBySubject(roots); // step 5
        ThreadNode.sortTree(roots); // step 6
        return roots;
    }

    /** Step 1: one node per message and per referenced id, parent links along each References chain. */
    private static List<ThreadNode> link(List<SortFacts> messages) {
        Map<String, ThreadNode> byId = new HashMap<>();
        List<ThreadNode> all = new ArrayList<>();
        for (SortFacts m : messages) {
            ThreadNode node = byId.get(m.messageId());
            if (node != null && node.dummy()) {
                node.facts(m);
            } else {
                // no Message-ID, or one already taken: this message is unique (step 1 A)
                node = new ThreadNode(m);
                all.add(node);
                if (m.messageId() != null && !byId.containsKey(m.messageId())) {
                    byId.put(m.messageId(), node);
                }
            }
            ThreadNode previous = null;
            for (String id : m.parentIds()) {
                if (id.equals(m.messageId())) {
                    continue; // a message that references itself would otherwise hang its own ancestors below it
                }
                ThreadNode ref = byId.get(id);
                if (ref == null) {
                    ref = new ThreadNode(null);
                    byId.put(id, ref);
                    all.add(ref);
                }
                // step 1 B: an existing link stays; no link that would make a loop
                if (previous != null && ref.parent() == null && !ref.isSelfOrAncestorOf(previous)) {
                    previous.addChild(ref);
                }
                previous = ref;
            }
            // step 1 C: the last reference (or none) is the parent; a link from another message's References is
            // broken first (it was probably truncated), and the new one is not made if it would close a loop
            node.detach();
            if (previous != null && !node.isSelfOrAncestorOf(previous)) {
                previous.addChild(node);
            }
        }
        return all;
    }

    /**
     * Step 4: a dummy without children goes; a dummy with children gives them to its parent, except that a dummy
     * at the top keeps two or more children (they would become separate threads otherwise). The deepest nodes go
     * first, so children a dummy hands up are already pruned; no recursion, as in {@link ThreadNode#sortTree}.
     */
    private static void prune(List<ThreadNode> roots) {
        List<ThreadNode> nodes = ThreadNode.breadthFirst(roots);
        for (int i = nodes.size() - 1; i >= 0; i--) {
            ThreadNode n = nodes.get(i);
            ThreadNode parent = n.parent();
            if (n.dummy() && parent != null) {
                replace(parent.mutableChildren(), n, parent);
            }
        }
        for (ThreadNode n : new ArrayList<>(roots)) {
            if (n.dummy() && n.children().size() < 2) {
                replace(roots, n, null);
            }
        }
    }

    /** Puts {@code n}'s children where {@code n} is in {@code siblings}, whose parent is {@code parent}. */
    private static void replace(List<ThreadNode> siblings, ThreadNode n, ThreadNode parent) {
        int at = siblings.indexOf(n);
        List<ThreadNode> promoted = new ArrayList<>(n.children());
        siblings.remove(at);
        siblings.addAll(at, promoted);
        for (ThreadNode c : promoted) {
            c.parent(parent);
        }
        n.parent(null);
    }

    /** Step 5: root threads whose base subjects are equal are merged (two passes, as the RFC describes). */
    private static void gatherBySubject(List<ThreadNode> roots) {
        Map<String, ThreadNode> table = new HashMap<>();
        for (ThreadNode r : roots) {
            String subject = threadSubject(r);
            if (subject.isEmpty()) {
                continue;
            }
            ThreadNode old = table.get(subject);
            if (old == null || (!old.dummy() && (r.dummy()
                    || (old.facts().replyOrForward() && !r.facts().replyOrForward())))) {
                table.put(subject, r);
            }
        }
        for (ThreadNode r : new ArrayList<>(roots)) { // a root merged below another one has a parent now
            String subject = threadSubject(r);
            ThreadNode t = table.get(subject);
            if (r.parent() != null || subject.isEmpty() || t == null || t == r) {
                continue;
            }
            roots.remove(r);
            if (t.dummy() && r.dummy()) {
                for (ThreadNode c : new ArrayList<>(r.children())) {
                    t.addChild(c);
                }
            } else if (t.dummy()) {
                t.addChild(r);
            } else if (!r.dummy() && r.facts().replyOrForward() && !t.facts().replyOrForward()) {
                t.addChild(r);
            } else {
                ThreadNode dummy = new ThreadNode(null);
                roots.set(roots.indexOf(t), dummy);
                dummy.addChild(t);
                dummy.addChild(r);
                table.put(subject, dummy);
            }
        }
    }

    /** The base subject of a thread: its root's, or its first child's when the root is a dummy. */
    private static String threadSubject(ThreadNode root) {
        SortFacts f = root.orderingFacts();
        return f == null ? "" : f.subject();
    }
}
