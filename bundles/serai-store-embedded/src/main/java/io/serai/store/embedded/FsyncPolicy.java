package io.serai.store.embedded;

/** When the store forces data to stable storage. */
public enum FsyncPolicy {
    /** Every commit round is forced before it is acknowledged; concurrent writers share one round. */
    ALWAYS,
    /** Never force: survives a process crash but not a power loss. Only for tests and benchmarks. */
    NEVER
}
