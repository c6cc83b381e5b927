/**
 * The application SPI of the Serai SMTP server, in the SubEthaSMTP spirit: build a {@link
 * io.serai.smtp.api.SmtpServerConfig}, start an {@link io.serai.smtp.api.SmtpServer}, and receive each accepted
 * message through a {@link io.serai.smtp.api.MessageHandler} whose completion decides the final reply.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.serai.smtp.api;
