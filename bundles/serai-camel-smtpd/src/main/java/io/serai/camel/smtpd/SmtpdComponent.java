package io.serai.camel.smtpd;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code smtpd:} component: {@code smtpd:host:port?options} creates an SMTP listener whose messages enter a
 * route. Consumer only; use camel-mail's {@code smtp:} to send. Outside OSGi Camel finds it through
 * {@code META-INF/services/org/apache/camel/component/smtpd}; in Karaf through the {@code ComponentResolver} service.
 */
public class SmtpdComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SmtpdConfiguration configuration = new SmtpdConfiguration();
        HostPort.parse(remaining).applyTo(configuration);
        SmtpdEndpoint endpoint = new SmtpdEndpoint(uri, this, configuration);
        // no generated configurer here, so bind by reflection: the listener options onto the configuration, then
        // what is left (bridgeErrorHandler, exchangePattern ...) onto the endpoint; DefaultComponent rejects the rest
        setProperties(configuration, parameters);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
