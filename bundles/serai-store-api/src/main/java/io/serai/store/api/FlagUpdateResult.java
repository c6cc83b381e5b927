package io.serai.store.api;

import java.util.List;

/**
 * Result of a flag update: the new state of each changed message, and the UIDs that failed the
 * UNCHANGEDSINCE test (the MODIFIED response code, RFC 7162 section 3.1.3).
 */
public record FlagUpdateResult(List<MessageMeta> updated, long[] modified) {
    public FlagUpdateResult {
        updated = List.copyOf(updated);
        modified = modified.clone();
    }

    @Override
    public long[] modified() {
        return modified.clone();
    }
}
