package io.serai.routes.relay;

import java.util.Locale;

/**
 * The smart host and how to talk to it, as a camel-mail endpoint URI. Properties prefixed {@code mail.} in the
 * URI go to the JavaMail session (camel-mail): STARTTLS, the EHLO name, partial sending and timeouts.
 *
 * @param startTls {@code none}, {@code opportunistic} (use it when offered) or {@code required} (fail otherwise)
 * @param sslTrust hosts whose certificate is trusted without checking ({@code mail.smtp.ssl.trust}); empty: the
 *                 JVM's trust store decides
 */
record SmartHost(String host, int port, boolean implicitTls, String startTls, String username, String password,
                 String heloName, String sslTrust, int timeoutMillis) {

    SmartHost {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("io.serai.routes.relay: smartHost is required");
        }
        startTls = startTls.toLowerCase(Locale.ROOT);
        if (!startTls.equals("none") && !startTls.equals("opportunistic") && !startTls.equals("required")) {
            throw new IllegalArgumentException("startTls must be none, opportunistic or required: " + startTls);
        }
    }

    String endpointUri() {
        String scheme = implicitTls ? "smtps" : "smtp";
        StringBuilder uri = new StringBuilder(scheme).append("://").append(host.strip()).append(':').append(port)
                .append("?connectionTimeout=").append(timeoutMillis)
                // deliver to the accepted recipients even when some are refused; SmtpFailures sorts them out
                .append("&mail.").append(scheme).append(".sendpartial=true")
                .append("&mail.").append(scheme).append(".localhost=").append(heloName)
                .append("&mail.").append(scheme).append(".timeout=").append(timeoutMillis)
                .append("&mail.").append(scheme).append(".writetimeout=").append(timeoutMillis);
        if (!implicitTls && !startTls.equals("none")) {
            uri.append("&mail.smtp.starttls.enable=true");
            if (startTls.equals("required")) {
                uri.append("&mail.smtp.starttls.required=true");
            }
        }
        if (!sslTrust.isBlank()) {
            uri.append("&mail.").append(scheme).append(".ssl.trust=").append(sslTrust.strip());
        }
        if (!username.isBlank()) {
            uri.append("&mail.").append(scheme).append(".auth=true")
                    .append("&username=RAW(").append(username).append(")")
                    .append("&password=RAW(").append(password).append(")");
        }
        return uri.toString();
    }
}
