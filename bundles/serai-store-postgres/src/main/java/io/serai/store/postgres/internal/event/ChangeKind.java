package io.serai.store.postgres.internal.event;

/** What a change_log row records; the code is what the table stores. */
public enum ChangeKind {
    ADDED(1), FLAGS(2), EXPUNGED(3), CREATED(4), RENAMED(5), DELETED(6);

    private final int code;

    ChangeKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ChangeKind of(int code) {
        for (ChangeKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown change kind " + code);
    }
}
