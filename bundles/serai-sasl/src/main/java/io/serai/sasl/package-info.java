/**
 * Server-side SASL mechanisms (PLAIN, LOGIN, SCRAM-SHA-256) as plain Java state machines, shared by the
 * SMTP, POP3 and IMAP servers, and the {@link io.serai.sasl.CredentialStore} seam to the user store.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.serai.sasl;
