/**
 * The {@code imapd:} Camel component: an IMAP listener over the mailbox store that runs while its route runs.
 */
@Export
@Version("1.0.0")
package io.serai.camel.imapd;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
