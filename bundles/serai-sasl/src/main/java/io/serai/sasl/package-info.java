/**
 * Server-side SASL mechanisms (PLAIN, LOGIN, SCRAM-SHA-256) as plain Java state machines, shared by the
 * SMTP, POP3 and IMAP servers, the {@link io.serai.sasl.CredentialStore} seam to the user store, and the
 * {@link io.serai.sasl.TrustedNetworks} whose connections may authenticate in clear text.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.serai.sasl;
