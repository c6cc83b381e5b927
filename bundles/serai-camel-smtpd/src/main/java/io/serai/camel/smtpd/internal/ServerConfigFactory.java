package io.serai.camel.smtpd.internal;

import io.serai.camel.smtpd.SmtpdConfiguration;
import io.serai.sasl.TrustedNetworks;
import io.serai.smtp.api.Limits;
import io.serai.smtp.api.MessageHandler;
import io.serai.smtp.api.RelayPolicy;
import io.serai.smtp.api.SmtpServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.apache.camel.CamelContext;

/** Turns the endpoint options into the serai-smtp {@link SmtpServerConfig}; option names map one to one. */
public final class ServerConfigFactory {

    private ServerConfigFactory() {
    }

    /** Checks what can be checked without a CamelContext, so a bad URI fails when the route is created. */
    public static void validate(SmtpdConfiguration options) {
        limits(options);
        if (options.getSslContext() != null && options.getSslContextParameters() != null) {
            throw new IllegalArgumentException("smtpd: set either sslContext or sslContextParameters, not both");
        }
        if (options.getSessionThreads() < 0) {
            throw new IllegalArgumentException("smtpd: sessionThreads must not be negative");
        }
    }

    /** The server configuration; {@code handler} runs on {@code handlerExecutor} (Camel's pool). */
    public static SmtpServerConfig create(SmtpdConfiguration options, CamelContext camelContext,
            MessageHandler handler, Executor handlerExecutor) throws Exception {
        validate(options);
        SmtpServerConfig.Builder builder = SmtpServerConfig.builder()
                .kind(options.getKind())
                .bind(options.getHost(), options.getPort())
                .hostname(options.getHostname())
                .sslContext(sslContext(options, camelContext))
                .authWithoutTls(options.isAuthWithoutTls())
                .trustedNetworks(TrustedNetworks.parse(options.getTrustedNetworks()))
                .authOnMta(options.isAuthOnMta())
                .credentials(options.getCredentialStore())
                .relayPolicy(options.getRelayPolicy() != null ? options.getRelayPolicy()
                        : new RelayPolicy(domains(options.getLocalDomains()), options.isRelayForAuthenticated()))
                .messageHandler(handler)
                .handlerExecutor(handlerExecutor)
                .limits(limits(options))
                .addReturnPath(options.isAddReturnPath());
        if (options.getRecipientValidator() != null) {
            builder.recipientValidator(options.getRecipientValidator());
        }
        if (options.getSpoolDirectory() != null && !options.getSpoolDirectory().isBlank()) {
            builder.spoolDirectory(Path.of(options.getSpoolDirectory()));
        }
        if (options.getSessionThreads() > 0) {
            builder.sessionThreads(options.getSessionThreads());
        }
        // the builder checks the combinations (SUBMISSION without credentials, SUBMISSIONS without TLS ...)
        return builder.build();
    }

    /** The {@link Limits} record validates every field (e.g. RFC 5321's 1000-octet minimum line length). */
    static Limits limits(SmtpdConfiguration o) {
        return new Limits(o.getMaxMessageSize(), o.getMaxRecipients(), o.getMaxLineLength(),
                Duration.ofMillis(o.getCommandTimeout()), Duration.ofMillis(o.getDataTimeout()),
                o.getMaxConnections(), o.getMaxConnectionsPerIp(), o.getMaxErrors(), o.getMaxAuthFailures(),
                Duration.ofMillis(o.getAuthFailureDelay()), o.getSpoolThreshold());
    }

    static Set<String> domains(String commaList) {
        if (commaList == null) {
            return Set.of();
        }
        return Arrays.stream(commaList.split(","))
                .map(String::trim)
                .filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static SSLContext sslContext(SmtpdConfiguration options, CamelContext camelContext) throws Exception {
        if (options.getSslContext() != null) {
            return options.getSslContext();
        }
        if (options.getSslContextParameters() != null) {
            return options.getSslContextParameters().createSSLContext(camelContext);
        }
        return null;
    }
}
