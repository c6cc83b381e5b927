package io.serai.store.api;

import java.util.Objects;
import java.util.OptionalLong;

/** A STORE operation (RFC 3501 section 6.4.6) with the optional CONDSTORE UNCHANGEDSINCE (RFC 7162 section 3.1.3). */
public record FlagUpdate(Mode mode, Flags flags, OptionalLong unchangedSince) {

    public enum Mode { ADD, REMOVE, REPLACE }

    public FlagUpdate {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(unchangedSince, "unchangedSince");
    }

    public static FlagUpdate add(Flags flags) {
        return new FlagUpdate(Mode.ADD, flags, OptionalLong.empty());
    }

    public static FlagUpdate remove(Flags flags) {
        return new FlagUpdate(Mode.REMOVE, flags, OptionalLong.empty());
    }

    public static FlagUpdate replace(Flags flags) {
        return new FlagUpdate(Mode.REPLACE, flags, OptionalLong.empty());
    }

    public FlagUpdate unchangedSince(long modSeq) {
        return new FlagUpdate(mode, flags, OptionalLong.of(modSeq));
    }

    /** The flags a message ends up with. */
    public Flags applyTo(Flags current) {
        return switch (mode) {
            case ADD -> current.with(flags);
            case REMOVE -> current.without(flags);
            case REPLACE -> flags;
        };
    }
}
