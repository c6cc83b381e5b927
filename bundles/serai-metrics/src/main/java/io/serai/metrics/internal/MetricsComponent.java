package io.serai.metrics.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Dictionary;
import java.util.Hashtable;
import javax.servlet.Servlet;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The container's one meter registry: registered as a {@link MeterRegistry} service for every bundle that
 * measures something, and scraped at {@value #SCRAPE_PATH} through the OSGi HTTP whiteboard (Pax Web in the
 * distribution, on the address of {@code etc/org.ops4j.pax.web.cfg}). Both are registered from code so that the
 * servlet and the service share the registry this component owns and closes.
 */
@Component(immediate = true, service = {})
public final class MetricsComponent {

    static final String SCRAPE_PATH = "/metrics";

    private PrometheusMeterRegistry registry;
    private ContainerMeters containerMeters;
    private ServiceRegistration<MeterRegistry> registryService;
    private ServiceRegistration<Servlet> scrapeServlet;

    @Activate
    void activate(BundleContext context) {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        containerMeters = new ContainerMeters(registry);
        registryService = context.registerService(MeterRegistry.class, registry, null);
        Dictionary<String, Object> servlet = new Hashtable<>();
        servlet.put("osgi.http.whiteboard.servlet.pattern", SCRAPE_PATH);
        servlet.put("osgi.http.whiteboard.servlet.name", "serai-metrics");
        scrapeServlet = context.registerService(Servlet.class, new ScrapeServlet(registry), servlet);
    }

    @Deactivate
    void deactivate() {
        scrapeServlet.unregister();
        registryService.unregister();
        containerMeters.close();
        registry.close();
    }
}
