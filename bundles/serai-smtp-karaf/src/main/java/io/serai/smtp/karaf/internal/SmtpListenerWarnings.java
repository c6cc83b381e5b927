package io.serai.smtp.karaf.internal;

import io.serai.netty.listener.BindAddresses;
import io.serai.sasl.TrustedNetworks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The settings of an SMTP listener that are harmless on loopback but unsafe on an address others can reach, as
 * warnings for the log at start. Relaying itself cannot be opened by configuration (the MTA listener never relays,
 * submission relays only for authenticated users), so what is left to warn about is TLS and AUTH.
 */
final class SmtpListenerWarnings {

    private SmtpListenerWarnings() {
    }

    static List<String> of(String name, String kind, String host, boolean tls, boolean authWithoutTls,
                           TrustedNetworks trusted) {
        List<String> warnings = of(name, kind, host, tls, authWithoutTls);
        if (!BindAddresses.isLoopback(host) && !trusted.loopbackOnly() && !authWithoutTls
                && !kind.trim().equalsIgnoreCase("SUBMISSIONS")) {
            warnings.add("SMTP listener " + name + " on " + host + ": trustedNetworks = " + trusted + " lets clients"
                    + " of those networks send passwords in clear text (only loopback is trusted by default)");
        }
        return warnings;
    }

    static List<String> of(String name, String kind, String host, boolean tls, boolean authWithoutTls) {
        List<String> warnings = new ArrayList<>();
        if (BindAddresses.isLoopback(host)) {
            return warnings;
        }
        String k = kind.trim().toUpperCase(Locale.ROOT);
        if (authWithoutTls && !k.equals("SUBMISSIONS")) {
            warnings.add("SMTP listener " + name + " on " + host + ": authWithoutTls lets clients send passwords in"
                    + " clear text over the network (RFC 8314 section 3 asks for TLS first)");
        }
        if (!tls && k.equals("MTA")) {
            warnings.add("SMTP listener " + name + " on " + host + ": tls = false, so other servers cannot use"
                    + " STARTTLS (RFC 3207) and all mail arrives in clear text");
        } else if (!tls && k.equals("SUBMISSION") && !authWithoutTls) {
            warnings.add("SMTP listener " + name + " on " + host + ": tls = false on a submission listener, so AUTH"
                    + " is offered only to trustedNetworks and no other client can submit mail");
        }
        return warnings;
    }
}
