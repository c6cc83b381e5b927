/**
 * The {@code imap-idle:} Camel component: a consumer that keeps an IMAP connection to an external server, waits in
 * IDLE (RFC 2177) and turns each new message into an exchange, committing flags/moves when the exchange completes.
 */
@Export
@Version("1.0.0")
package io.serai.camel.imapidle;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
