package io.serai.camel.mailbox.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import io.serai.store.api.cluster.SharedRecords;

/**
 * Where a consumer's state is kept: a file on this node, or, when the store is shared by several nodes, a shared
 * record of the store, so the node that takes a folder over continues where the previous one stopped.
 */
public interface StateStorage {

    Optional<byte[]> read() throws IOException;

    /** Replaces the state atomically: a crash leaves the old or the new one. */
    void write(byte[] state) throws IOException;

    /** For messages. */
    String location();

    static StateStorage file(Path file) {
        return new StateStorage() {
            @Override
            public Optional<byte[]> read() throws IOException {
                return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            }

            @Override
            public void write(byte[] state) throws IOException {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.write(tmp, state);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }

            @Override
            public String location() {
                return file.toString();
            }
        };
    }

    static StateStorage shared(SharedRecords records, String key) {
        return new StateStorage() {
            @Override
            public Optional<byte[]> read() throws IOException {
                return records.get(key);
            }

            @Override
            public void write(byte[] state) throws IOException {
                records.put(key, state);
            }

            @Override
            public String location() {
                return "shared record " + key;
            }
        };
    }
}
