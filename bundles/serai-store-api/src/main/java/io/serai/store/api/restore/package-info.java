/**
 * Writing a store's accounts, mailboxes and messages exactly as another store has them, so that moving between
 * stores keeps UIDVALIDITY, UIDs, MODSEQs and flags and IMAP clients need not resynchronize.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.serai.store.api.restore;
