package io.serai.store.karaf.internal;

import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.serai.store.api.MailStore;
import io.serai.store.api.StoreException;
import io.serai.store.api.StoreUnavailableException;
import io.serai.store.postgres.PostgresMailStore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the configured store (embedded or PostgreSQL) from its Config Admin configuration (PID
 * {@code io.serai.store}) and publishes it as a {@link MailStore} service. Opening replays the embedded journal or
 * connects to and migrates the database, which can take a while, so it runs on its own thread: the SCR thread is
 * never held, and the service appears once the store is usable. A database that cannot be reached yet is retried
 * with back-off until it can, so nodes may start before their database does.
 */
@Component(name = "io.serai.store", configurationPid = "io.serai.store", immediate = true, service = {})
@Designate(ocd = StoreConfig.class)
public final class StoreComponent {

    /** Service property naming the store implementation. */
    public static final String STORE_TYPE_PROPERTY = "serai.store.type";

    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);

    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private ExecutorService opener;
    private MailStore store;
    private ServiceRegistration<MailStore> registration;
    private boolean active;

    @Activate
    synchronized void activate(BundleContext bundleContext, StoreConfig config) {
        StoreSettings settings = StoreSettings.from(config, bundleContext.getProperty("karaf.data"));
        active = true;
        opener = Executors.newSingleThreadExecutor(r -> new Thread(r, "serai-store-open"));
        opener.execute(() -> open(bundleContext, settings));
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        // not synchronized while waiting: the opener needs the monitor to finish, and holding it here deadlocked
        // the two until the wait timed out, leaving an open store (and its directory lock) behind
        synchronized (this) {
            active = false;
        }
        stopped.countDown();
        opener.shutdown();
        if (!opener.awaitTermination(1, TimeUnit.MINUTES)) {
            LOG.warn("Store still opening after a minute; it is closed as soon as the open completes");
        }
        ServiceRegistration<MailStore> registered;
        MailStore opened;
        synchronized (this) {
            registered = registration;
            opened = store;
            registration = null;
            store = null;
        }
        if (registered != null) {
            registered.unregister();
        }
        closeQuietly(opened);
    }

    private void open(BundleContext bundleContext, StoreSettings settings) {
        long start = System.nanoTime();
        MailStore opened = null;
        long backoff = 500;
        while (opened == null) {
            try {
                opened = settings.open();
                LocalDomains.ensure(opened.accounts(), settings.domains());
            } catch (StoreUnavailableException e) {
                closeQuietly(opened);
                opened = null;
                LOG.warn("The mailbox store at {} is unavailable ({}); retrying in {} ms", settings.location(),
                        e.getMessage(), backoff);
                if (waitForStop(backoff)) {
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            } catch (Throwable e) { // also linkage errors: an executor would swallow them without a word
                closeQuietly(opened);
                LOG.error("The mailbox store at {} could not be opened", settings.location(), e);
                return;
            }
        }
        synchronized (this) {
            if (!active) {
                // deactivated while opening: nobody will use this store, so release its lock now
                closeQuietly(opened);
                return;
            }
            store = opened;
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(STORE_TYPE_PROPERTY, settings.type());
            // the Camel bean name routes use, e.g. pop3d:...?store=#seraiStore
            props.put("osgi.jndi.service.name", "seraiStore");
            if (settings.embedded() != null) {
                props.put("serai.store.directory", settings.embedded().dataDirectory().toString());
            } else {
                props.put("serai.store.node", ((PostgresMailStore) opened).nodeId());
            }
            registration = bundleContext.registerService(MailStore.class, opened, props);
        }
        LOG.info("Mailbox store ({}) open in {} ms at {}", settings.type(), (System.nanoTime() - start) / 1_000_000,
                settings.location());
    }

    /** Waits for the back-off; true if the component was deactivated meanwhile. */
    private boolean waitForStop(long millis) {
        try {
            return stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void closeQuietly(MailStore opened) {
        if (opened != null) {
            try {
                opened.close();
            } catch (StoreException e) {
                LOG.error("Closing the store failed", e);
            }
        }
    }
}
