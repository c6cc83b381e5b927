package io.serai.camel.context.internal;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.serai.camel.context.SeraiCamel;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.engine.DefaultComponentResolver;
import org.apache.camel.spi.ComponentResolver;
import org.apache.camel.support.DefaultRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Serai CamelContext, starts it and publishes it as an OSGi {@link CamelContext} service, then adds
 * and removes the routes of {@link RoutesBuilder} services as route bundles come and go.
 *
 * <p>Starting the context and its routes can bind sockets and open stores, so it never runs on the SCR thread
 * that calls activate/bind: every change goes, in order, through one worker thread.
 */
@Component(name = SeraiCamel.CONFIG_PID, configurationPid = SeraiCamel.CONFIG_PID, immediate = true, service = {})
@Designate(ocd = CamelContextConfig.class)
public final class CamelContextComponent {

    private static final Logger LOG = LoggerFactory.getLogger(CamelContextComponent.class);

    private final List<RoutesBuilder> builders = new ArrayList<>();
    private ExecutorService worker;
    private DefaultCamelContext context;
    private OsgiBeanRepository beans;
    private RoutesRegistrar registrar;
    private ServiceRegistration<CamelContext> registration;
    private int shutdownTimeoutSeconds;

    @Activate
    synchronized void activate(BundleContext bundleContext, CamelContextConfig config) {
        shutdownTimeoutSeconds = config.shutdownTimeoutSeconds();
        beans = new OsgiBeanRepository(bundleContext);
        // not built yet, so that the name is in place before Camel derives thread and JMX names from it
        context = new DefaultCamelContext(false);
        context.getCamelContextExtension().setRegistry(new DefaultRegistry(beans));
        context.getCamelContextExtension().setName(config.name());
        // camel-mail (and others) make this the TCCL while they work: the Camel runtime's loader sees the
        // components and the mailcap that lets Jakarta Activation find Angus's content handlers
        context.setApplicationContextClassLoader(CamelContext.class.getClassLoader());
        context.getCamelContextExtension().addContextPlugin(ComponentResolver.class,
                new OsgiComponentResolver(bundleContext, new DefaultComponentResolver()));
        context.setStreamCaching(config.streamCaching());
        context.setUseMDCLogging(config.useMdcLogging());
        context.getShutdownStrategy().setTimeout(config.shutdownTimeoutSeconds());
        registrar = new RoutesRegistrar(context);

        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "serai-camel-" + config.name());
            // Camel looks up classes and resources through the TCCL first: make it the Camel runtime's loader
            t.setContextClassLoader(CamelContext.class.getClassLoader());
            t.setDaemon(true);
            return t;
        });
        List<RoutesBuilder> initial = new ArrayList<>(builders);
        DefaultCamelContext started = context;
        worker.execute(() -> start(bundleContext, started, config.name(), initial));
    }

    @Deactivate
    void deactivate() {
        ServiceRegistration<CamelContext> reg;
        DefaultCamelContext stopping;
        OsgiBeanRepository releasing;
        // the worker takes this monitor to publish the context, so the wait below must not hold it
        synchronized (this) {
            reg = registration;
            registration = null;
            stopping = context;
            releasing = beans;
            context = null; // a start still running sees this and publishes nothing
            worker.execute(() -> {
                try {
                    stopping.stop();
                } finally {
                    releasing.close();
                }
            });
            worker.shutdown();
        }
        if (reg != null) {
            try {
                reg.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it with our bundle
            }
        }
        try {
            if (!worker.awaitTermination(shutdownTimeoutSeconds + 10L, TimeUnit.SECONDS)) {
                LOG.warn("Camel context {} did not stop within {} s", stopping.getName(), shutdownTimeoutSeconds + 10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindRoutesBuilder(RoutesBuilder builder) {
        builders.add(builder);
        if (context != null) {
            worker.execute(() -> addRoutes(builder));
        }
    }

    synchronized void unbindRoutesBuilder(RoutesBuilder builder) {
        builders.remove(builder);
        if (context != null) {
            worker.execute(() -> removeRoutes(builder));
        }
    }

    private void start(BundleContext bundleContext, DefaultCamelContext ctx, String name, List<RoutesBuilder> initial) {
        try {
            ctx.start();
        } catch (RuntimeException e) {
            LOG.error("Camel context {} failed to start", name, e);
            return;
        }
        initial.forEach(this::addRoutes);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(SeraiCamel.CONTEXT_NAME_PROPERTY, name);
        synchronized (this) {
            if (context == ctx) {
                registration = bundleContext.registerService(CamelContext.class, ctx, props);
            }
        }
        LOG.info("Camel context {} started with {} routes", name, ctx.getRoutes().size());
    }

    private void addRoutes(RoutesBuilder builder) {
        try {
            registrar.add(builder);
        } catch (Exception e) {
            LOG.error("Routes of {} could not be added", builder.getClass().getName(), e);
        }
    }

    private void removeRoutes(RoutesBuilder builder) {
        try {
            registrar.remove(builder);
        } catch (Exception e) {
            LOG.error("Routes of {} could not be removed", builder.getClass().getName(), e);
        }
    }
}
