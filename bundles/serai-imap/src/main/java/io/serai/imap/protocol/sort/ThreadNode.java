package io.serai.imap.protocol.sort;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * One node of a THREAD answer (RFC 5256 §4): a message, or a dummy standing for a message that is referenced but
 * not in the result (a "container" in the REFERENCES algorithm). Children are in thread order once the algorithm is
 * done. Mutable only inside this package, while a thread algorithm builds the tree.
 */
public final class ThreadNode {

    private SortFacts facts;
    private ThreadNode parent;
    private final List<ThreadNode> children = new ArrayList<>();

    ThreadNode(SortFacts facts) {
        this.facts = facts;
    }

    /** The message, or null for a dummy. */
    public SortFacts facts() {
        return facts;
    }

    public boolean dummy() {
        return facts == null;
    }

    public List<ThreadNode> children() {
        return Collections.unmodifiableList(children);
    }

    void facts(SortFacts f) {
        this.facts = f;
    }

    ThreadNode parent() {
        return parent;
    }

    List<ThreadNode> mutableChildren() {
        return children;
    }

    void addChild(ThreadNode child) {
        child.parent = this;
        children.add(child);
    }

    /** Takes this node out of its parent's children, if it has a parent. */
    void detach() {
        if (parent != null) {
            parent.children.remove(this);
            parent = null;
        }
    }

    /** Sets the parent link only; the caller has put this node into {@code p}'s children (or the roots). */
    void parent(ThreadNode p) {
        parent = p;
    }

    /** Whether this node is {@code other} or one of its ancestors: linking other above this would make a loop. */
    boolean isSelfOrAncestorOf(ThreadNode other) {
        if (children.isEmpty()) {
            return other == this; // the common case, a new message: no walk up a long chain
        }
        for (ThreadNode n = other; n != null; n = n.parent) {
            if (n == this) {
                return true;
            }
        }
        return false;
    }

    /** The facts a dummy is ordered by: those of its first child (RFC 5256 §4 step 6). */
    SortFacts orderingFacts() {
        if (facts != null) {
            return facts;
        }
        return children.isEmpty() ? null : children.get(0).orderingFacts();
    }

    /**
     * Step 6: every set of siblings by sent date, the deepest first, so a dummy's first child is known. Iterative
     * (deepest level first), since a thread of ten thousand replies is a chain ten thousand deep.
     */
    static void sortTree(List<ThreadNode> roots) {
        Comparator<ThreadNode> bySentDate = Comparator.comparing(ThreadNode::orderingFacts,
                Comparator.nullsLast(SortOrder.SENT_DATE));
        List<ThreadNode> nodes = breadthFirst(roots);
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).children.sort(bySentDate);
        }
        roots.sort(bySentDate);
    }

    /** Every node under {@code roots}, level by level (so the last ones are the deepest). */
    public static List<ThreadNode> breadthFirst(List<ThreadNode> roots) {
        List<ThreadNode> nodes = new ArrayList<>(roots);
        for (int i = 0; i < nodes.size(); i++) {
            nodes.addAll(nodes.get(i).children);
        }
        return nodes;
    }
}
