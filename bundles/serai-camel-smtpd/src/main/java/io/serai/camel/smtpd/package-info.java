/**
 * The {@code smtpd:} Camel component: an SMTP server consumer on top of {@code io.serai.smtp.api}. Each accepted
 * message becomes one exchange, and the client hears {@code 250} only after the route has finished that exchange
 * without failure; a failed exchange is answered with a temporary (4xx) or permanent (5xx) reply, so a message is
 * never acknowledged and then lost (RFC 5321 §6.1).
 *
 * <p>{@link io.serai.camel.smtpd.SmtpdComponent} creates {@link io.serai.camel.smtpd.SmtpdEndpoint}s configured by
 * {@link io.serai.camel.smtpd.SmtpdConfiguration}; the exchange headers are named in
 * {@link io.serai.camel.smtpd.SmtpdConstants}.
 */
@Export
@Version("1.0.0")
package io.serai.camel.smtpd;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
