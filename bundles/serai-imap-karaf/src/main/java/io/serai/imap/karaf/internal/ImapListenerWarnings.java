package io.serai.imap.karaf.internal;

import io.serai.imap.api.TlsMode;
import io.serai.netty.listener.BindAddresses;
import java.util.ArrayList;
import java.util.List;

/** The settings of an IMAP listener that are harmless on loopback but unsafe on an address others can reach. */
final class ImapListenerWarnings {

    private ImapListenerWarnings() {
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
