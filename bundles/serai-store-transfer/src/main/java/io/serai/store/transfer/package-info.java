/**
 * Import and export of Maildir (Dovecot's Maildir++ layout) and mbox (mboxrd) into and out of a mailbox store.
 * Plain Java on top of {@code io.serai.store.api}; the Karaf shell commands call these classes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.serai.store.transfer;
