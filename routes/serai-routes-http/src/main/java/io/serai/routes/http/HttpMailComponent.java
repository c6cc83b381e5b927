package io.serai.routes.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Hashtable;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import io.serai.store.api.MailStore;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The HTTP-to-mail endpoint, on while {@code io.serai.routes.http} is configured. It is the JDK's HTTP server
 * ({@code com.sun.net.httpserver}): no extra bundles, nothing shared with the Netty the mail listeners use, and
 * boot-delegated in Karaf. Requests are handled on its own small pool; submission goes through the route
 * {@code serai-http} into the delivery endpoint, like mail accepted over SMTP.
 */
@Component(configurationPid = HttpMailComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = HttpRouteConfig.class)
public final class HttpMailComponent {

    static final String PID = "io.serai.routes.http";

    static final String ENDPOINT = "direct:serai-http";

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicReference<ProducerTemplate> template = new AtomicReference<>();
    private final ServiceRegistration<RoutesBuilder> route;

    @Activate
    public HttpMailComponent(BundleContext bundleContext, HttpRouteConfig config,
                             @Reference(target = "(osgi.jndi.service.name=seraiStore)") MailStore store)
            throws IOException {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("serai.route", "http");
        route = bundleContext.registerService(RoutesBuilder.class, new SubmitRoute(config.deliverTo()), props);
        Optional<BasicAuth> auth = config.requireAuth()
                ? Optional.of(new BasicAuth((user, password) -> store.accounts().verifyPassword(user, password)))
                : Optional.empty();
        SubmitHandler handler = new SubmitHandler(new MailRequestParser(config.maxRecipients()), auth,
                new DeliverySubmission(template::get, ENDPOINT), config.hostname(), config.maxRequestSize(),
                Clock.systemUTC());
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(1, config.threads()), r -> {
            Thread t = new Thread(r, "serai-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = start(new InetSocketAddress(config.host(), config.port()), config.path(), handler, executor);
    }

    static HttpServer start(InetSocketAddress address, String path, SubmitHandler handler, ExecutorService executor)
            throws IOException {
        HttpServer server = HttpServer.create(address, 50);
        server.createContext(path, handler);
        server.setExecutor(executor);
        server.start();
        return server;
    }

    /**
     * Route {@code serai-http}: {@value #ENDPOINT} to the delivery endpoint. Configuring it hands this component
     * the Serai context's template, so the component needs no reference to the context itself.
     */
    private final class SubmitRoute extends RouteBuilder {

        private final String deliverTo;

        SubmitRoute(String deliverTo) {
            this.deliverTo = deliverTo;
        }

        @Override
        public void configure() {
            from(ENDPOINT).routeId("serai-http").to(deliverTo);
            ProducerTemplate previous = template.getAndSet(getContext().createProducerTemplate());
            if (previous != null) {
                previous.stop();
            }
        }
    }

    @Deactivate
    void deactivate() throws Exception {
        server.stop(1);
        executor.shutdownNow();
        route.unregister();
        ProducerTemplate last = template.getAndSet(null);
        if (last != null) {
            last.stop();
        }
    }
}
