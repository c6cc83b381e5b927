/**
 * The library API of the Serai IMAP server: build an {@link io.serai.imap.api.ImapServerConfig} (with
 * {@link io.serai.imap.api.Limits}) and start an {@link io.serai.imap.api.ImapServer}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.serai.imap.api;
