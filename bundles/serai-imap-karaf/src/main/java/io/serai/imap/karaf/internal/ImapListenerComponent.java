package io.serai.imap.karaf.internal;

import io.serai.imap.api.ImapServer;
import io.serai.imap.api.ImapServerConfig;
import io.serai.imap.api.Limits;
import io.serai.sasl.CredentialStore;
import io.serai.sasl.TrustedNetworks;
import io.serai.store.api.MailStore;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IMAP listener per factory configuration {@code io.serai.imap.listener-NAME}, serving the mailboxes of the
 * store's accounts. Binding does not block the SCR thread: the server binds asynchronously and logs the result.
 */
@Component(configurationPid = "io.serai.imap.listener", configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = ImapListenerConfig.class, factory = true)
public final class ImapListenerComponent {

    private static final Logger LOG = LoggerFactory.getLogger(ImapListenerComponent.class);

    private final ImapServer server;

    @Activate
    public ImapListenerComponent(ImapListenerConfig config,
            @Reference(target = "(osgi.jndi.service.name=seraiStore)") MailStore store,
            @Reference(target = "(osgi.jndi.service.name=seraiCredentials)") CredentialStore credentials,
            @Reference(target = "(osgi.jndi.service.name=seraiTls)") SSLContext tls) {
        if (config.idleTimeoutSeconds() < 1800) {
            LOG.warn("IMAP listener {}: an idle timeout under 30 minutes breaks RFC 9051 section 5.4", config.name());
        }
        TrustedNetworks trusted = TrustedNetworks.parse(config.trustedNetworks());
        ImapListenerWarnings.of(config.name(), config.host(), config.tlsMode(), config.allowPlaintextAuth(), trusted)
                .forEach(LOG::warn);
        ImapServerConfig.Builder builder = ImapServerConfig.builder();
        if (!config.spoolDirectory().isBlank()) {
            builder.spoolDirectory(Path.of(config.spoolDirectory()));
        }
        server = ImapServer.create(builder
                .bind(config.host(), config.port())
                .tls(config.tlsMode(), tls)
                .allowPlaintextAuth(config.allowPlaintextAuth())
                .trustedNetworks(trusted)
                .serverName(config.serverName())
                .sessionThreads(config.sessionThreads())
                .appendLimit(config.appendLimit())
                .store(store)
                .credentials(credentials)
                .limits(limits(config))
                .build());
        String name = config.name();
        server.start().whenComplete((address, failure) -> {
            if (failure != null) {
                LOG.error("IMAP listener {} could not listen on {}:{}", name, config.host(), config.port(), failure);
            } else {
                LOG.info("IMAP listener {} on {} ({})", name, address, config.tlsMode());
            }
        });
    }

    private static Limits limits(ImapListenerConfig config) {
        return new Limits(config.maxLineLength(), config.maxLiteralSizePreAuth(), config.maxLiteralSize(),
                config.maxConnections(), config.maxConnectionsPerIp(), config.maxConnectionsPerUser(),
                Duration.ofSeconds(config.idleTimeoutSeconds()), Duration.ofMillis(config.authFailureDelayMillis()),
                Duration.ofMillis(config.maxAuthFailureDelayMillis()), config.maxBadCommands(),
                config.commandsPerSecond(), config.commandBurst(), config.spoolThreshold());
    }

    @Deactivate
    void deactivate() {
        server.close();
    }
}
