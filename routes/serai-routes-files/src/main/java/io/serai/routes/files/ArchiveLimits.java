package io.serai.routes.files;

/**
 * Bounds on what one message may write besides its .eml: attachments past {@code maxAttachments}, or larger than
 * {@code maxAttachmentSize} octets (decoded), are not extracted but listed in the index as skipped.
 */
record ArchiveLimits(int maxAttachments, long maxAttachmentSize) {

    static final ArchiveLimits DEFAULTS = new ArchiveLimits(100, 25L * 1024 * 1024);

    ArchiveLimits {
        if (maxAttachments < 0 || maxAttachmentSize < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }
}
