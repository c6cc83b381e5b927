package io.serai.routes.relay;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicReference;

import io.serai.routes.relay.spool.RelaySpool;
import io.serai.routes.relay.spool.Spool;
import io.serai.routes.relay.spool.WorkQueueSpool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.serai.store.api.MailStore;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The outbound relay, on while {@code io.serai.routes.relay} is configured: publishes the relay routes (property
 * {@code serai.route=relay}, which also tells the SMTP listeners' relay policy that authenticated submission may
 * now send to other domains) and the {@link DeadLetters} for the shell commands.
 */
@Component(configurationPid = RelayComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = RelayConfig.class)
public final class RelayComponent {

    static final String PID = "io.serai.routes.relay";
    private static final Logger LOG = LoggerFactory.getLogger(RelayComponent.class);

    private final ServiceRegistration<RoutesBuilder> routes;
    private final ServiceRegistration<DeadLetters> deadLetters;
    /** The smtp: producer's template, made when the context configures the routes; stopped with the relay. */
    private final AtomicReference<ProducerTemplate> template = new AtomicReference<>();

    @Activate
    public RelayComponent(BundleContext context, RelayConfig config,
                          @Reference(target = "(osgi.jndi.service.name=seraiStore)") MailStore store)
            throws IOException {
        Clock clock = Clock.systemUTC();
        Path directory = config.spoolDirectory().isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "serai-relay") : Path.of(config.spoolDirectory());
        // a store several nodes share carries the queue, so any node sends what a dead node had queued
        Spool spool = spool(store, directory);
        SmartHost smartHost = new SmartHost(config.smartHost(), config.smartPort(), config.implicitTls(),
                config.startTls(), config.username(), config.password(), config.hostname(), config.sslTrust(),
                config.timeoutMillis());
        Backoff backoff = new Backoff(Duration.ofSeconds(config.retryInitialDelaySeconds()),
                Duration.ofSeconds(config.retryMaxDelaySeconds()), config.retryBackoffFactor());
        RelayRoute route = new RelayRoute(spool, config.pollIntervalMillis(), camel -> new RelayQueue(spool,
                new SmtpTransmitter(newTemplate(camel), smartHost.endpointUri()),
                new StoreOrRelayBounces(store, spool, clock), new DsnReport(config.hostname()), backoff,
                Duration.ofSeconds(config.lifetimeSeconds()), clock), clock);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("serai.route", "relay");
        routes = context.registerService(RoutesBuilder.class, route, props);
        deadLetters = context.registerService(DeadLetters.class, new DeadLetters(spool, clock), null);
    }

    private static Spool spool(MailStore store, Path directory) throws IOException {
        if (store.coordination().isPresent()) {
            LOG.info("Relay queue in the shared store (work queues relay and relay-dead)");
            return new WorkQueueSpool(store.coordination().get());
        }
        LOG.info("Relay queue in {}", directory);
        return new RelaySpool(directory);
    }

    private ProducerTemplate newTemplate(CamelContext camel) {
        ProducerTemplate created = camel.createProducerTemplate();
        ProducerTemplate previous = template.getAndSet(created);
        if (previous != null) {
            previous.stop();
        }
        return created;
    }

    @Deactivate
    void deactivate() {
        deadLetters.unregister();
        routes.unregister();
        ProducerTemplate last = template.getAndSet(null);
        if (last != null) {
            last.stop();
        }
    }
}
