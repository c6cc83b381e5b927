package io.serai.camel.imapidle;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/** The {@code imap-idle:} component: {@code imap-idle:host[:port]?username=...&password=...}. Consumer only. */
public class ImapIdleComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String path = remaining.startsWith("//") ? remaining.substring(2) : remaining;
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        ImapIdleConfiguration configuration = new ImapIdleConfiguration();
        int colon = path.lastIndexOf(':');
        if (colon > 0 && path.indexOf(']', colon) < 0) {
            configuration.setHost(path.substring(0, colon));
            int port = Integer.parseInt(path.substring(colon + 1));
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("imap-idle: port out of range in: " + remaining);
            }
            configuration.setPort(port);
        } else {
            configuration.setHost(path);
        }
        String host = configuration.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            configuration.setHost(host.substring(1, host.length() - 1));
        }
        if (configuration.getHost().isEmpty()) {
            throw new IllegalArgumentException("imap-idle: URI needs a host, e.g. imap-idle:imap.example.com:993, not: "
                    + remaining);
        }
        // no generated configurer: options bind by reflection, first to the configuration, then to the endpoint
        // (consumer.* and the like); what is left makes DefaultComponent reject the URI
        setProperties(configuration, parameters);
        ImapIdleEndpoint endpoint = new ImapIdleEndpoint(uri, this, configuration);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
