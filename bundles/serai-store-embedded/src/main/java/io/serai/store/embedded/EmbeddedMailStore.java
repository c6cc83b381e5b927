package io.serai.store.embedded;

import io.serai.store.api.MailStore;
import io.serai.store.api.StoreException;

/** The embedded store, with the maintenance it needs beyond the store API. */
public interface EmbeddedMailStore extends MailStore {

    /**
     * Reclaims the space of expunged messages: every sealed segment whose live bytes are below
     * {@code maxLiveRatio} of its size has its live messages copied to a current segment and is deleted.
     * Runs on the caller's thread and commits like any change; safe to call while the store is in use
     * (e.g. nightly from a scheduler or a shell command).
     */
    CompactionReport compact(double maxLiveRatio) throws StoreException;
}
