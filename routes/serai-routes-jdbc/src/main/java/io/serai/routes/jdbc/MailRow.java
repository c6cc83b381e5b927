package io.serai.routes.jdbc;

import java.time.Instant;
import java.util.List;

/**
 * One message as the database stores it. The key is account, folder, UIDVALIDITY and UID: the same message
 * offered twice (after a crash) maps to the same row.
 */
record MailRow(String account, String folder, long uidValidity, long uid, String messageId, Instant sentAt,
               String from, String to, String cc, String subject, String headers, String bodyText,
               String bodyHtml, long size, List<AttachmentRow> attachments) {

    MailRow {
        attachments = List.copyOf(attachments);
    }

    /**
     * One attachment; {@code content} is null when it was larger than the configured limit (the row still
     * records name, type and size).
     */
    record AttachmentRow(int position, String name, String contentType, long size, String sha256, byte[] content) {
    }
}
