/**
 * Reading a stored message's MIME parts without parsing it again: {@link io.serai.camel.mailbox.mime.MessageParts}
 * walks the structure the store parsed at append and tells attachments from body text, one rule for the
 * {@code mailbox:} consumer ({@code attachments=true}) and for routes that read attachments or bodies themselves;
 * {@link io.serai.camel.mailbox.mime.MessagePart} gives a part's type, decoded file name (RFC 2231, RFC 2047)
 * and transfer-decoded content as a stream; {@link io.serai.camel.mailbox.mime.EncodedWords} decodes RFC 2047
 * encoded-words in header values.
 */
@Export
@Version("1.0.0")
package io.serai.camel.mailbox.mime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
