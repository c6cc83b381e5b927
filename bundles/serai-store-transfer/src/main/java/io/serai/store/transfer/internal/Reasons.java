package io.serai.store.transfer.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns I/O failures into the short sentences a user reads in the skipped list. */
public final class Reasons {
    private Reasons() {
    }

    public static String of(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof NoSuchFileException) {
            return "no such file (a dangling link, or removed meanwhile)";
        }
        if (t instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof IOException && t.getMessage() != null) {
            return t.getMessage();
        }
        return t.toString();
    }
}
