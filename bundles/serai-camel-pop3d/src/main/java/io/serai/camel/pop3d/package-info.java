/**
 * The {@code pop3d:} Camel component: a POP3 listener over the mailbox store, started by a route, whose consumer
 * receives an exchange for each message a client retrieved or deleted (an audit trail).
 */
@Export
@Version("1.0.0")
package io.serai.camel.pop3d;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
