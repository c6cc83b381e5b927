package io.serai.store.api.cluster;

import java.util.Optional;

import io.serai.store.api.StoreException;

/** Small durable values by key (at most 64 KiB each), visible to every node as soon as a write returns. */
public interface SharedRecords {

    Optional<byte[]> get(String key) throws StoreException;

    void put(String key, byte[] value) throws StoreException;

    void remove(String key) throws StoreException;
}
