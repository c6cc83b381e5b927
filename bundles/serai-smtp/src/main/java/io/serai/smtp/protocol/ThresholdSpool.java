package io.serai.smtp.protocol;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps a message in memory up to a threshold and spills it to a file in the spool directory past it, as
 * SubEthaSMTP's DeferredFileOutputStream does, so a large message never sits whole on the heap.
 */
public final class ThresholdSpool implements SpoolFactory {

    private static final String PREFIX = "serai-smtp-";
    private static final String SUFFIX = ".eml";
    /** The names of this spool's files, for the clean-up of what a crashed run left (a glob pattern). */
    public static final String FILE_GLOB = PREFIX + "*" + SUFFIX;

    private final int threshold;
    private final Path directory;

    public ThresholdSpool(int threshold, Path directory) {
        this.threshold = threshold;
        this.directory = directory;
    }

    @Override
    public MessageSink newSink() {
        return new Sink();
    }

    private final class Sink implements MessageSink {
        private ByteArrayOutputStream memory = new ByteArrayOutputStream(Math.min(threshold, 8192) + 1);
        private Path file;
        private OutputStream fileOut;
        private long size;

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (fileOut == null && size + length > threshold) {
                file = Files.createTempFile(directory, PREFIX, SUFFIX);
                fileOut = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024); // lines are small
                memory.writeTo(fileOut);
                memory = null;
            }
            if (fileOut != null) {
                fileOut.write(bytes, offset, length);
            } else {
                memory.write(bytes, offset, length);
            }
            size += length;
        }

        @Override
        public boolean writeMayBlock(int length) {
            // in memory below the threshold; the write that crosses it creates the file, and all later ones use it
            return fileOut != null || size + length > threshold;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public SpooledContent finish(byte[] prefix) throws IOException {
            if (fileOut != null) {
                fileOut.close();
                return new SpooledContent(prefix, null, file, size);
            }
            return new SpooledContent(prefix, memory.toByteArray(), null, size);
        }

        @Override
        public void discard() {
            try {
                if (fileOut != null) {
                    fileOut.close();
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                // nothing more to do for a message being thrown away
            }
            memory = null;
        }
    }
}
