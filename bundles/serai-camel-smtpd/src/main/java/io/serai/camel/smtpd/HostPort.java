package io.serai.camel.smtpd;

/** The {@code host:port} path of an {@code smtpd:} URI; an IPv6 literal goes in brackets ({@code [::1]:25}). */
record HostPort(String host, int port) {

    static HostPort parse(String remaining) {
        String path = remaining.startsWith("//") ? remaining.substring(2) : remaining;
        int colon = path.lastIndexOf(':');
        if (colon <= 0 || colon == path.length() - 1) {
            throw new IllegalArgumentException("smtpd: URI needs host:port, e.g. smtpd:0.0.0.0:25, not: " + remaining);
        }
        String host = path.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(path.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("smtpd: port is not a number in: " + remaining, e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("smtpd: port out of range in: " + remaining);
        }
        return new HostPort(host, port);
    }

    void applyTo(SmtpdConfiguration configuration) {
        configuration.setHost(host);
        configuration.setPort(port);
    }
}
