package io.serai.routes.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.serai.store.api.MailStore;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The HTTP-to-mail endpoint, on while {@code io.serai.routes.http} is configured. It is the JDK's HTTP server
 * ({@code com.sun.net.httpserver}): no extra bundles, nothing shared with the Netty the mail listeners use, and
 * boot-delegated in Karaf. Requests are handled on its own small pool; submission goes into the Serai
 * CamelContext like mail accepted over SMTP.
 */
@Component(configurationPid = HttpMailComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = HttpRouteConfig.class)
public final class HttpMailComponent {

    static final String PID = "io.serai.routes.http";

    private final HttpServer server;
    private final ExecutorService executor;
    private final ProducerTemplate template;

    @Activate
    public HttpMailComponent(HttpRouteConfig config,
                             @Reference(target = "(osgi.jndi.service.name=seraiStore)") MailStore store,
                             @Reference(target = "(camel.context.name=serai)") CamelContext camel) throws IOException {
        this.template = camel.createProducerTemplate();
        Optional<BasicAuth> auth = config.requireAuth()
                ? Optional.of(new BasicAuth((user, password) -> store.accounts().verifyPassword(user, password)))
                : Optional.empty();
        SubmitHandler handler = new SubmitHandler(new MailRequestParser(config.maxRecipients()), auth,
                new DeliverySubmission(template, config.deliverTo()), config.hostname(), config.maxRequestSize(),
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

    @Deactivate
    void deactivate() throws Exception {
        server.stop(1);
        executor.shutdownNow();
        template.stop();
    }
}
