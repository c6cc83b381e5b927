package io.serai.camel.imapd;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/** The {@code imapd:} component: {@code imapd:host:port?store=#seraiStore&...}. Consumer only. */
public class ImapdComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String path = remaining.startsWith("//") ? remaining.substring(2) : remaining;
        int colon = path.lastIndexOf(':');
        if (colon <= 0 || colon == path.length() - 1) {
            throw new IllegalArgumentException("imapd: URI needs host:port, e.g. imapd:127.0.0.1:143, not: " + remaining);
        }
        String host = path.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = Integer.parseInt(path.substring(colon + 1));
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("imapd: port out of range in: " + remaining);
        }
        ImapdEndpoint endpoint = new ImapdEndpoint(uri, this, host, port);
        // no generated configurer: options bind by reflection; unknown ones make DefaultComponent fail the URI
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
