package io.serai.imap.karaf.internal;

import io.serai.imap.api.TlsMode;
import io.serai.netty.listener.BindAddresses;
import io.serai.sasl.TrustedNetworks;
import java.util.ArrayList;
import java.util.List;

/** The settings of an IMAP listener that are harmless on loopback but unsafe on an address others can reach. */
final class ImapListenerWarnings {

    private ImapListenerWarnings() {
    }

    static List<String> of(String name, String host, TlsMode tlsMode, boolean allowPlaintextAuth,
                           TrustedNetworks trusted) {
        List<String> warnings = of(name, host, tlsMode, allowPlaintextAuth);
        if (!BindAddresses.isLoopback(host) && !trusted.loopbackOnly() && tlsMode != TlsMode.IMPLICIT
                && !allowPlaintextAuth) {
            warnings.add("IMAP listener " + name + " on " + host + ": trustedNetworks = " + trusted + " lets clients"
                    + " of those networks send passwords in clear text (only loopback is trusted by default)");
        }
        return warnings;
    }

    static List<String> of(String name, String host, TlsMode tlsMode, boolean allowPlaintextAuth) {
        List<String> warnings = new ArrayList<>();
        if (BindAddresses.isLoopback(host)) {
            return warnings;
        }
        if (allowPlaintextAuth && tlsMode != TlsMode.IMPLICIT) {
            warnings.add("IMAP listener " + name + " on " + host + ": allowPlaintextAuth lets clients send passwords"
                    + " in clear text over the network (RFC 9051 section 11.1 asks for TLS first)");
        }
        if (tlsMode == TlsMode.NONE) {
            warnings.add("IMAP listener " + name + " on " + host + ": tlsMode = NONE, so mail is read in clear text"
                    + " (use it only behind a TLS-terminating proxy)");
        }
        return warnings;
    }
}
