package io.serai.store.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** System flags plus keywords of a message; immutable. Keywords are compared case-insensitively (RFC 3501). */
public final class Flags {
    public static final Flags NONE = new Flags(EnumSet.noneOf(SystemFlag.class), Set.of());

    private final Set<SystemFlag> system;
    private final Set<String> keywords;

    private Flags(Set<SystemFlag> system, Set<String> keywords) {
        this.system = Collections.unmodifiableSet(system);
        this.keywords = Collections.unmodifiableSet(keywords);
    }

    public static Flags of(Set<SystemFlag> system, Set<String> keywords) {
        EnumSet<SystemFlag> copy = system.isEmpty() ? EnumSet.noneOf(SystemFlag.class) : EnumSet.copyOf(system);
        TreeSet<String> words = new TreeSet<>();
        for (String k : keywords) {
            words.add(normalizeKeyword(k));
        }
        return new Flags(copy, words);
    }

    public static Flags of(SystemFlag... flags) {
        EnumSet<SystemFlag> set = EnumSet.noneOf(SystemFlag.class);
        Collections.addAll(set, flags);
        return new Flags(set, Set.of());
    }

    /** Builds from the compact bit form used by stores. */
    public static Flags fromBits(int bits, Set<String> keywords) {
        EnumSet<SystemFlag> set = EnumSet.noneOf(SystemFlag.class);
        for (SystemFlag f : SystemFlag.values()) {
            if ((bits & f.bit()) != 0) {
                set.add(f);
            }
        }
        return of(set, keywords);
    }

    public static String normalizeKeyword(String keyword) {
        if (keyword.isEmpty() || keyword.startsWith("\\")) {
            throw new IllegalArgumentException("not a keyword: " + keyword);
        }
        return keyword.toLowerCase(Locale.ROOT);
    }

    public Set<SystemFlag> system() {
        return system;
    }

    public Set<String> keywords() {
        return keywords;
    }

    public boolean has(SystemFlag flag) {
        return system.contains(flag);
    }

    public int systemBits() {
        int bits = 0;
        for (SystemFlag f : system) {
            bits |= f.bit();
        }
        return bits;
    }

    public Flags with(Flags other) {
        EnumSet<SystemFlag> s = EnumSet.noneOf(SystemFlag.class);
        s.addAll(system);
        s.addAll(other.system);
        TreeSet<String> k = new TreeSet<>(keywords);
        k.addAll(other.keywords);
        return new Flags(s, k);
    }

    public Flags without(Flags other) {
        EnumSet<SystemFlag> s = EnumSet.noneOf(SystemFlag.class);
        s.addAll(system);
        s.removeAll(other.system);
        TreeSet<String> k = new TreeSet<>(keywords);
        k.removeAll(other.keywords);
        return new Flags(s, k);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Flags f && system.equals(f.system) && keywords.equals(f.keywords);
    }

    @Override
    public int hashCode() {
        return system.hashCode() * 31 + keywords.hashCode();
    }

    @Override
    public String toString() {
        return "Flags" + system + keywords;
    }
}
