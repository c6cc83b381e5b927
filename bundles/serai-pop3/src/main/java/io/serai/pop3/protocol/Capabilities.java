package io.serai.pop3.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The CAPA listing (RFC 2449 §5). It depends on the state: USER and the clear-text SASL mechanisms only over TLS
 * unless allowed (RFC 2595 §4, the JAMES-3680 lesson), STLS only before TLS and before login.
 */
final class Capabilities {

    static final String IMPLEMENTATION = "Serai";

    private Capabilities() {
    }

    static List<String> list(boolean authorization, boolean tlsAvailable, boolean tlsActive, boolean clearTextAllowed,
                             List<String> mechanisms) {
        List<String> lines = new ArrayList<>();
        lines.add("TOP");
        lines.add("UIDL");
        if (authorization) {
            if (clearTextAllowed) {
                lines.add("USER");
            }
            if (!mechanisms.isEmpty()) {
                lines.add("SASL " + String.join(" ", mechanisms));
            }
            if (tlsAvailable && !tlsActive) {
                lines.add("STLS");
            }
        }
        lines.add("RESP-CODES");
        lines.add("AUTH-RESP-CODE");
        lines.add("PIPELINING");
        lines.add("IMPLEMENTATION " + IMPLEMENTATION);
        return lines;
    }
}
