package io.serai.pop3.karaf.internal;

import io.serai.netty.listener.BindAddresses;
import io.serai.sasl.TrustedNetworks;
import java.util.ArrayList;
import java.util.List;

/** The settings of a POP3 listener that are harmless on loopback but unsafe on an address others can reach. */
final class Pop3ListenerWarnings {

    private Pop3ListenerWarnings() {
    }

    static List<String> of(String name, String host, boolean implicitTls, boolean userWithoutTls,
                           TrustedNetworks trusted) {
        List<String> warnings = new ArrayList<>(of(name, host, implicitTls, userWithoutTls));
        if (!BindAddresses.isLoopback(host) && !trusted.loopbackOnly() && !implicitTls && !userWithoutTls) {
            warnings.add("POP3 listener " + name + " on " + host + ": trustedNetworks = " + trusted + " lets clients"
                    + " of those networks send passwords in clear text (only loopback is trusted by default)");
        }
        return warnings;
    }

    static List<String> of(String name, String host, boolean implicitTls, boolean userWithoutTls) {
        if (userWithoutTls && !implicitTls && !BindAddresses.isLoopback(host)) {
            return List.of("POP3 listener " + name + " on " + host + ": userWithoutTls lets clients send passwords in"
                    + " clear text over the network (RFC 2595 section 2.1 asks for STLS first)");
        }
        return List.of();
    }
}
