package io.serai.imap.protocol.response;

import java.util.List;

/**
 * {@code * QUOTA root (resource usage limit ...)} (RFC 9208 §5.1). STORAGE is counted in units of 1024 octets
 * (§5.1.1), MESSAGE in messages (§5.1.2).
 */
public record QuotaResponse(String root, List<Resource> resources) implements ImapResponse {

    public record Resource(String name, long usage, long limit) {
    }

    public QuotaResponse {
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("a QUOTA response lists at least one resource");
        }
        resources = List.copyOf(resources);
    }
}
