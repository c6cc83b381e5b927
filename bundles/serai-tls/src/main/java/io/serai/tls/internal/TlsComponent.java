package io.serai.tls.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;

import javax.net.ssl.SSLContext;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the listeners' server {@link SSLContext} as a service named {@code seraiTls} (the bean name routes
 * use, e.g. {@code smtpd:...?sslContext=#seraiTls}). When no key store exists yet, one with a self-signed
 * certificate is generated first, so that TLS works out of the box on a fresh install.
 */
@Component(name = "io.serai.tls", configurationPid = "io.serai.tls", immediate = true, service = {})
@Designate(ocd = TlsConfig.class)
public final class TlsComponent {

    /** Bean name of the server SSLContext in the Camel registry. */
    public static final String BEAN_NAME = "seraiTls";

    private static final Logger LOG = LoggerFactory.getLogger(TlsComponent.class);

    private ServiceRegistration<SSLContext> registration;

    @Activate
    void activate(BundleContext bundleContext, TlsConfig config) throws Exception {
        String etc = bundleContext.getProperty("karaf.etc");
        Path keyStore = config.keyStore().isBlank()
                ? Path.of(etc == null ? "etc" : etc, "serai-tls.p12")
                : Path.of(config.keyStore());
        char[] password = config.keyStorePassword().toCharArray();
        if (!Files.exists(keyStore)) {
            if (!config.generateSelfSigned()) {
                throw new IllegalStateException("TLS key store " + keyStore + " does not exist");
            }
            SelfSignedCertificates.generate(keyStore, password, config.hostName());
            LOG.warn("Generated a self-signed certificate for {} in {}: clients will not trust it until told to; "
                    + "configure io.serai.tls with your own key store for production", config.hostName(), keyStore);
        }
        SSLContext context = ServerSslContexts.fromKeyStore(keyStore, config.keyStoreType(), password);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.jndi.service.name", BEAN_NAME);
        props.put("serai.tls.keyStore", keyStore.toString());
        registration = bundleContext.registerService(SSLContext.class, context, props);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }
}
