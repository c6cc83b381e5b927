package io.serai.smtp.karaf.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Turns a listener configuration into the smtpd: endpoint URI its route consumes from. */
final class ListenerUri {

    /** The store-backed CredentialStore service that serai-store-karaf publishes. */
    static final String CREDENTIALS_BEAN = "seraiCredentials";

    private ListenerUri() {
    }

    static String of(SmtpListenerConfig config) {
        String kind = config.kind().trim().toUpperCase(Locale.ROOT);
        if (!kind.equals("MTA") && !kind.equals("SUBMISSION") && !kind.equals("SUBMISSIONS")) {
            throw new IllegalArgumentException("kind must be MTA, SUBMISSION or SUBMISSIONS, not " + config.kind());
        }
        if (kind.equals("SUBMISSIONS") && !config.tls()) {
            throw new IllegalArgumentException("a SUBMISSIONS listener is implicit TLS: tls must be true");
        }
        if (config.port() < 0 || config.port() > 65535) {
            throw new IllegalArgumentException("port out of range: " + config.port());
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("kind", kind);
        options.put("hostname", config.hostname());
        options.put("credentialStore", "#" + ListenerUri.CREDENTIALS_BEAN);
        options.put("recipientValidator", "#" + StoreRecipients.BEAN_NAME);
        options.put("relayPolicy", "#" + StoreRelayPolicy.BEAN_NAME);
        if (config.tls()) {
            options.put("sslContext", "#seraiTls");
        }
        options.put("authWithoutTls", Boolean.toString(config.authWithoutTls()));
        options.put("trustedNetworks", config.trustedNetworks().isBlank() ? "none" : config.trustedNetworks());
        options.put("maxMessageSize", Long.toString(config.maxMessageSize()));
        options.put("maxRecipients", Integer.toString(config.maxRecipients()));
        options.put("maxConnections", Integer.toString(config.maxConnections()));
        options.put("maxConnectionsPerIp", Integer.toString(config.maxConnectionsPerIp()));

        StringBuilder uri = new StringBuilder("smtpd:").append(config.host()).append(':').append(config.port());
        char separator = '?';
        for (Map.Entry<String, String> option : options.entrySet()) {
            uri.append(separator).append(option.getKey()).append('=')
                    .append(URLEncoder.encode(option.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        String extra = config.options().trim();
        if (!extra.isEmpty()) {
            uri.append(separator).append(extra.startsWith("&") || extra.startsWith("?") ? extra.substring(1) : extra);
        }
        return uri.toString();
    }
}
