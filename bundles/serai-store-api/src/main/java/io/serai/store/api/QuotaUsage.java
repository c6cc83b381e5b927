package io.serai.store.api;

/** Current usage of an account against its limits. */
public record QuotaUsage(long octets, long messages, QuotaLimits limits) {
}
