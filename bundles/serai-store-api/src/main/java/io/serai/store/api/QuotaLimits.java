package io.serai.store.api;

/** Per-account limits (RFC 9208 STORAGE in octets and MESSAGE count); {@link #UNLIMITED} means none. */
public record QuotaLimits(long maxOctets, long maxMessages) {
    public static final QuotaLimits UNLIMITED = new QuotaLimits(Long.MAX_VALUE, Long.MAX_VALUE);

    public QuotaLimits {
        if (maxOctets < 0 || maxMessages < 0) {
            throw new IllegalArgumentException("negative quota");
        }
    }
}
