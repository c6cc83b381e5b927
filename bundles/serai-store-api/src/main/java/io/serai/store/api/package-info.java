/** Mailbox store API: accounts, recipients, mailboxes and messages. Implementations live in other bundles. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package io.serai.store.api;
