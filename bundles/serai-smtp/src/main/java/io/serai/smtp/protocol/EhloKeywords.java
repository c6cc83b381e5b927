package io.serai.smtp.protocol;

import io.serai.sasl.SaslMechanisms;
import io.serai.smtp.api.SmtpReply;
import io.serai.smtp.api.SmtpServerConfig;
import java.util.ArrayList;
import java.util.List;

/** The EHLO keywords of a session (RFC 5321 §4.1.1.1), each from the RFC of its extension. */
final class EhloKeywords {

    private EhloKeywords() {
    }

    /** The multi-line 250 reply to EHLO; enhanced codes never apply to it (RFC 2034 §3). */
    static SmtpReply reply(SmtpServerConfig config, boolean tlsActive, boolean trustedClient, String clientName) {
        List<String> lines = new ArrayList<>();
        lines.add(config.hostname() + " greets " + clientName);
        lines.addAll(of(config, tlsActive, trustedClient));
        return new SmtpReply(250, null, lines);
    }

    static List<String> of(SmtpServerConfig config, boolean tlsActive, boolean trustedClient) {
        List<String> keywords = new ArrayList<>();
        keywords.add("PIPELINING");                                   // RFC 2920
        keywords.add("SIZE " + config.limits().maxMessageSize());     // RFC 1870
        keywords.add("8BITMIME");                                     // RFC 6152
        keywords.add("ENHANCEDSTATUSCODES");                          // RFC 2034
        keywords.add("SMTPUTF8");                                     // RFC 6531
        keywords.add("CHUNKING");                                     // RFC 3030
        keywords.add("DSN");                                          // RFC 3461
        if (config.sslContext().isPresent() && !tlsActive) {
            keywords.add("STARTTLS");                                 // RFC 3207
        }
        if (authOffered(config, tlsActive, trustedClient)) {
            keywords.add("AUTH " + String.join(" ", SaslMechanisms.SUPPORTED)); // RFC 4954
        }
        return keywords;
    }

    /**
     * AUTH is offered only over TLS (RFC 4954 §4, RFC 8314 §3, JAMES-3680), to a client of a trusted network
     * (loopback by default: nothing on the wire can be read from outside the host), or everywhere if so configured.
     */
    static boolean authOffered(SmtpServerConfig config, boolean tlsActive, boolean trustedClient) {
        return config.authEnabled() && (tlsActive || trustedClient || config.authWithoutTls());
    }
}
