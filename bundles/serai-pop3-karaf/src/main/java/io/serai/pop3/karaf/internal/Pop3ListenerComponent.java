package io.serai.pop3.karaf.internal;

import java.time.Duration;

import javax.net.ssl.SSLContext;

import io.serai.pop3.api.Limits;
import io.serai.pop3.api.MaildropLocks;
import io.serai.pop3.api.Pop3Server;
import io.serai.pop3.api.Pop3ServerConfig;
import io.serai.sasl.CredentialStore;
import io.serai.sasl.TrustedNetworks;
import io.serai.store.api.MailStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One POP3 listener per factory configuration {@code io.serai.pop3.listener-NAME}, serving the INBOX of the
 * store's accounts. Binding does not block the SCR thread: the server binds asynchronously and logs the result.
 */
@Component(configurationPid = "io.serai.pop3.listener", configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = Pop3ListenerConfig.class, factory = true)
public final class Pop3ListenerComponent {

    private static final Logger LOG = LoggerFactory.getLogger(Pop3ListenerComponent.class);

    private final Pop3Server server;

    @Activate
    public Pop3ListenerComponent(Pop3ListenerConfig config,
            @Reference MailStore store,
            @Reference(target = "(osgi.jndi.service.name=seraiCredentials)") CredentialStore credentials,
            @Reference(target = "(osgi.jndi.service.name=seraiTls)") SSLContext tls,
            @Reference MaildropLocks locks) {
        if (config.idleTimeoutSeconds() < 600) {
            LOG.warn("POP3 listener {}: an idle timeout under 10 minutes breaks RFC 1939 section 3", config.name());
        }
        TrustedNetworks trusted = TrustedNetworks.parse(config.trustedNetworks());
        Pop3ListenerWarnings.of(config.name(), config.host(), config.implicitTls(), config.userWithoutTls(), trusted)
                .forEach(LOG::warn);
        Pop3ServerConfig.Builder builder = Pop3ServerConfig.builder()
                .bind(config.host(), config.port())
                .hostname(config.hostname())
                .userWithoutTls(config.userWithoutTls())
                .trustedNetworks(trusted)
                .store(store)
                .credentials(credentials)
                .locks(locks)
                .limits(Limits.defaults()
                        .withIdleTimeout(Duration.ofSeconds(config.idleTimeoutSeconds()))
                        .withAuthFailures(config.maxAuthFailures(), Limits.defaults().authFailureDelay())
                        .withConnections(config.maxConnections(), config.maxConnectionsPerIp()));
        if (config.implicitTls()) {
            builder.implicitTls(tls);
        } else {
            builder.sslContext(tls);
        }
        server = Pop3Server.create(builder.build());
        String name = config.name();
        server.start().whenComplete((address, failure) -> {
            if (failure != null) {
                LOG.error("POP3 listener {} could not listen on {}:{}", name, config.host(), config.port(), failure);
            } else {
                LOG.info("POP3 listener {} on {}{}", name, address, config.implicitTls() ? " (implicit TLS)" : "");
            }
        });
    }

    @Deactivate
    void deactivate() {
        server.close();
    }
}
