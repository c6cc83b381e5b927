package io.serai.store.karaf.internal;

import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.serai.store.api.MailStore;
import io.serai.store.api.StoreException;
import io.serai.store.embedded.EmbeddedStores;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the embedded store from its Config Admin configuration (PID {@code io.serai.store}) and publishes it
 * as a {@link MailStore} service. Opening replays the journal, which can take a while after a crash, so it runs
 * on its own thread: the SCR thread is never held, and the service appears once the store is usable.
 */
@Component(name = "io.serai.store", configurationPid = "io.serai.store", immediate = true, service = {})
@Designate(ocd = StoreConfig.class)
public final class EmbeddedStoreComponent {

    /** Service property naming the store implementation. */
    public static final String STORE_TYPE_PROPERTY = "serai.store.type";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStoreComponent.class);

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
        MailStore opened;
        try {
            opened = EmbeddedStores.open(settings.store());
            ensureDomains(opened, settings.domains());
        } catch (Throwable e) { // also linkage errors: an executor would swallow them without a word
            LOG.error("The mailbox store in {} could not be opened", settings.store().dataDirectory(), e);
            return;
        }
        synchronized (this) {
            if (!active) {
                // deactivated while opening: nobody will use this store, so release its lock now
                closeQuietly(opened);
                return;
            }
            store = opened;
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(STORE_TYPE_PROPERTY, "embedded");
            // the Camel bean name routes use, e.g. pop3d:...?store=#seraiStore
            props.put("osgi.jndi.service.name", "seraiStore");
            props.put("serai.store.directory", settings.store().dataDirectory().toString());
            registration = bundleContext.registerService(MailStore.class, opened, props);
        }
        LOG.info("Mailbox store open in {} ms at {} (fsync {})", (System.nanoTime() - start) / 1_000_000,
                settings.store().dataDirectory(), settings.store().fsync());
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

    private static void ensureDomains(MailStore store, List<String> domains) throws StoreException {
        for (String domain : domains) {
            if (!store.accounts().isLocalDomain(domain)) {
                store.accounts().addDomain(domain);
                LOG.info("Added local domain {}", domain);
            }
        }
    }
}
