package io.serai.store.embedded.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.serai.store.api.StoreException;
import io.serai.store.api.StoreFullException;

/** fsync helpers and the mapping of I/O failures to store exceptions. */
public final class Durability {
    private Durability() {
    }

    /** Makes a new file's directory entry durable (POSIX needs an fsync of the directory). */
    public static void forceDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems refuse to open directories; then there is nothing more we can do
            if (!dir.toFile().isDirectory()) {
                throw e;
            }
        }
    }

    public static boolean isDiskFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left") || m.contains("Disk quota exceeded")
                    || m.contains("not enough space"))) {
                return true;
            }
        }
        return false;
    }

    /** A write failure as the typed exception callers map to protocol replies. */
    public static StoreException writeFailure(String what, IOException e) {
        if (e instanceof StoreException se) {
            return se;
        }
        if (isDiskFull(e)) {
            return new StoreFullException("disk full while " + what, e);
        }
        return new StoreException("I/O error while " + what, e);
    }
}
