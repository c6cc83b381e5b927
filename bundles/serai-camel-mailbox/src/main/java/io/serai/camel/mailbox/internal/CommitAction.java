package io.serai.camel.mailbox.internal;

import java.util.Objects;

import io.serai.store.api.FlagUpdate;
import io.serai.store.api.Flags;
import io.serai.store.api.Mailbox;
import io.serai.store.api.StoreException;
import io.serai.store.api.SystemFlag;

/**
 * What the consumer does with a message once its exchange is done: {@code none}/{@code leave}, {@code seen},
 * {@code flag:<flag>}, {@code move:<folder>} or {@code delete}.
 *
 * @param kind   the action
 * @param flags  the flags to add, for {@link Kind#FLAG}
 * @param folder the target folder, for {@link Kind#MOVE}
 */
public record CommitAction(Kind kind, Flags flags, String folder) {

    public enum Kind { NONE, FLAG, MOVE, DELETE }

    public CommitAction {
        Objects.requireNonNull(kind, "kind");
    }

    /** Parses {@code onCompletion} ({@code failure=false}) or {@code onFailure} ({@code failure=true}). */
    public static CommitAction parse(String text, boolean failure) {
        String option = failure ? "onFailure" : "onCompletion";
        String t = text == null ? "" : text.trim();
        if (failure && t.equals("leave") || !failure && t.equals("none")) {
            return new CommitAction(Kind.NONE, null, null);
        }
        if (t.startsWith("move:") && t.length() > 5) {
            return new CommitAction(Kind.MOVE, null, t.substring(5));
        }
        if (!failure) {
            if (t.equals("seen")) {
                return new CommitAction(Kind.FLAG, Flags.of(SystemFlag.SEEN), null);
            }
            if (t.startsWith("flag:") && t.length() > 5) {
                return new CommitAction(Kind.FLAG, FlagList.parse(t.substring(5)), null);
            }
            if (t.equals("delete")) {
                return new CommitAction(Kind.DELETE, null, null);
            }
        }
        throw new IllegalArgumentException("mailbox: " + option + " must be "
                + (failure ? "leave or move:<folder>" : "none, seen, flag:<flag>, move:<folder> or delete")
                + ", not: " + text);
    }

    /** True when the message stays in the folder unchanged (so a restart may offer it again). */
    public boolean leaves() {
        return kind == Kind.NONE;
    }

    /**
     * Applies the action to one message.
     *
     * @param target the opened move target, for {@link Kind#MOVE}
     */
    public void apply(Mailbox source, Mailbox target, long uid) throws StoreException {
        long[] uids = {uid};
        switch (kind) {
            case NONE -> {
            }
            case FLAG -> source.updateFlags(uids, FlagUpdate.add(flags));
            // MOVE is atomic in the store (RFC 6851): the message is never in both folders or in neither
            case MOVE -> source.moveTo(uids, Objects.requireNonNull(target, "move target"));
            case DELETE -> source.expunge(uids);
            default -> throw new IllegalStateException(kind.name());
        }
    }
}
