/**
 * The {@code mailbox:} Camel component: a producer that appends exchanges to a folder of the mail store, and a
 * push consumer that turns each message added to a folder into an exchange, then commits it (flag, move, delete).
 */
@Export
@Version("1.0.0")
package io.serai.camel.mailbox;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
