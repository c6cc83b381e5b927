package io.serai.store.api.cluster;

/** A held lease. Closing releases it at once (idempotent); an unclosed lease is released when it expires. */
public interface Lease extends AutoCloseable {

    String name();

    /**
     * False once the store could not renew the lease before it expired: another node may hold it now, so the
     * holder must stop doing what the lease guarded.
     */
    boolean isValid();

    @Override
    void close();
}
