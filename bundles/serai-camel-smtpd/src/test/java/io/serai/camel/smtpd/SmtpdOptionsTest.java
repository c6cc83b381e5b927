package io.serai.camel.smtpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serai.camel.smtpd.internal.ServerConfigFactory;
import io.serai.sasl.InMemoryCredentialStore;
import io.serai.smtp.api.Limits;
import io.serai.smtp.api.ListenerKind;
import io.serai.smtp.api.RecipientValidator;
import io.serai.smtp.api.RelayPolicy;
import io.serai.smtp.api.SmtpServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/** URI options bind by reflection (no generated configurer) onto SmtpdConfiguration and reach SmtpServerConfig. */
class SmtpdOptionsTest extends CamelTestSupport {

    private final InMemoryCredentialStore users = new InMemoryCredentialStore();
    private final RecipientValidator validator = address -> RecipientValidator.RecipientStatus.ACCEPT;

    private SmtpdEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, SmtpdEndpoint.class);
    }

    @Test
    void everyOptionBindsAndReachesTheServerConfig() throws Exception {
        SSLContext tls = SSLContext.getDefault();
        context.getRegistry().bind("users", users);
        context.getRegistry().bind("validator", validator);
        context.getRegistry().bind("tls", tls);
        SmtpdEndpoint endpoint = endpoint("smtpd:0.0.0.0:2525?kind=SUBMISSION&hostname=mx.example.org"
                + "&authWithoutTls=true&authOnMta=true&credentialStore=#users&localDomains=example.org, Example.NET"
                + "&relayForAuthenticated=false&recipientValidator=#validator&maxMessageSize=1000&maxRecipients=7"
                + "&maxLineLength=2000&commandTimeout=60000&dataTimeout=30000&maxConnections=50"
                + "&maxConnectionsPerIp=5&maxErrors=4&maxAuthFailures=2&authFailureDelay=0&spoolThreshold=4096"
                + "&spoolDirectory=/tmp/smtpd-spool&sessionThreads=3&addReturnPath=false&sslContext=#tls"
                + "&exchangePattern=InOut");

        SmtpdConfiguration options = endpoint.getConfiguration();
        assertThat(options.getHost()).isEqualTo("0.0.0.0");
        assertThat(options.getPort()).isEqualTo(2525);
        assertThat(endpoint.getExchangePattern()).isEqualTo(ExchangePattern.InOut);

        SmtpServerConfig config = ServerConfigFactory.create(options, context, (e, c) -> null, Runnable::run);
        assertThat(config.kind()).isEqualTo(ListenerKind.SUBMISSION);
        assertThat(config.bindHost()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(2525);
        assertThat(config.hostname()).isEqualTo("mx.example.org");
        assertThat(config.authWithoutTls()).isTrue();
        assertThat(config.authOnMta()).isTrue();
        assertThat(config.credentials()).containsSame(users);
        assertThat(config.relayPolicy().isLocal("example.org")).isTrue();
        assertThat(config.relayPolicy().isLocal("EXAMPLE.net")).isTrue();
        assertThat(config.relayPolicy().isLocal("localhost")).isFalse();
        assertThat(config.relayPolicy().relayForAuthenticated()).isFalse();
        assertThat(config.recipientValidator()).isSameAs(validator);
        assertThat(config.limits()).isEqualTo(new Limits(1000, 7, 2000, Duration.ofMinutes(1), Duration.ofSeconds(30),
                50, 5, 4, 2, Duration.ZERO, 4096));
        assertThat(config.spoolDirectory()).isEqualTo(Path.of("/tmp/smtpd-spool"));
        assertThat(config.sessionThreads()).isEqualTo(3);
        assertThat(config.addReturnPath()).isFalse();
        assertThat(config.sslContext()).containsSame(tls);
    }

    @Test
    void defaultsAreTheLibraryDefaults() throws Exception {
        SmtpdConfiguration options = endpoint("smtpd:127.0.0.1:0").getConfiguration();
        SmtpServerConfig config = ServerConfigFactory.create(options, context, (e, c) -> null, Runnable::run);
        SmtpServerConfig library = SmtpServerConfig.builder().messageHandler((e, c) -> null).build();
        assertThat(config.limits()).isEqualTo(Limits.defaults());
        assertThat(config.kind()).isEqualTo(library.kind());
        assertThat(config.hostname()).isEqualTo(library.hostname());
        for (String domain : new String[] {"localhost", "example.org"}) {
            assertThat(config.relayPolicy().isLocal(domain)).isEqualTo(library.relayPolicy().isLocal(domain));
        }
        assertThat(config.relayPolicy().relayForAuthenticated()).isEqualTo(library.relayPolicy().relayForAuthenticated());
        assertThat(config.sessionThreads()).isEqualTo(library.sessionThreads());
        assertThat(config.spoolDirectory()).isEqualTo(library.spoolDirectory());
        assertThat(config.addReturnPath()).isEqualTo(library.addReturnPath());
        assertThat(config.sslContext()).isEmpty();
        assertThat(config.credentials()).isEmpty();
    }

    @Test
    void sslContextParametersBeanBinds() {
        SSLContextParameters parameters = new SSLContextParameters();
        context.getRegistry().bind("tlsParams", parameters);
        assertThat(endpoint("smtpd:127.0.0.1:0?sslContextParameters=#tlsParams").getConfiguration()
                .getSslContextParameters()).isSameAs(parameters);
    }

    @Test
    void relayPolicyBeanReplacesLocalDomains() throws Exception {
        RelayPolicy policy = RelayPolicy.of(domain -> domain.endsWith(".test"), false);
        context.getRegistry().bind("policy", policy);
        SmtpdConfiguration options = endpoint("smtpd:127.0.0.1:0?relayPolicy=#policy").getConfiguration();
        assertThat(ServerConfigFactory.create(options, context, (e, c) -> null, Runnable::run).relayPolicy())
                .isSameAs(policy);
    }

    @Test
    void unknownOptionIsRefused() {
        assertThatThrownBy(() -> endpoint("smtpd:127.0.0.1:0?maxMesageSize=1000"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("maxMesageSize");
    }

    @Test
    void pathNeedsHostAndPort() {
        assertThatThrownBy(() -> endpoint("smtpd:localhost"))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessageContaining("host:port");
        assertThatThrownBy(() -> endpoint("smtpd:localhost:99999")).rootCause().hasMessageContaining("out of range");
        assertThat(endpoint("smtpd:[::1]:25").getConfiguration().getHost()).isEqualTo("::1");
        assertThat(endpoint("smtpd://127.0.0.1:25").getConfiguration().getPort()).isEqualTo(25);
    }

    @Test
    void limitsTheServerWouldRefuseFailEarly() {
        assertThatThrownBy(() -> endpoint("smtpd:127.0.0.1:0?maxLineLength=999"))
                .rootCause().hasMessageContaining("maxLineLength");
        assertThatThrownBy(() -> endpoint("smtpd:127.0.0.1:0?maxRecipients=0"))
                .rootCause().hasMessageContaining("maxRecipients");
    }

    @Test
    void bothTlsOptionsAreRefused() throws Exception {
        context.getRegistry().bind("tls", SSLContext.getDefault());
        context.getRegistry().bind("tlsParams", new SSLContextParameters());
        assertThatThrownBy(() -> endpoint("smtpd:127.0.0.1:0?sslContext=#tls&sslContextParameters=#tlsParams"))
                .rootCause().hasMessageContaining("either sslContext or sslContextParameters");
    }

    @Test
    void submissionWithoutCredentialStoreIsRefused() {
        SmtpdConfiguration options = endpoint("smtpd:127.0.0.1:0?kind=SUBMISSION&authWithoutTls=true")
                .getConfiguration();
        assertThatThrownBy(() -> ServerConfigFactory.create(options, context, (e, c) -> null, Runnable::run))
                .hasMessageContaining("CredentialStore");
    }

    @Test
    void producerIsNotSupported() {
        assertThatThrownBy(() -> endpoint("smtpd:127.0.0.1:0").createProducer())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
