package io.serai.imap.protocol.process;

import java.util.ArrayList;
import java.util.List;

/**
 * The CAPABILITY list for a session (RFC 9051 §7.2.2). Only what is implemented is advertised: IMAP4rev2,
 * UTF8=ACCEPT, CONDSTORE, IDLE and friends are added when their commands exist (see README).
 * Plaintext mechanisms are hidden, and LOGINDISABLED shown, before TLS unless configured (RFC 9051 §6.2.3, §11.1).
 */
final class Capabilities {

    private Capabilities() {
    }

    static List<String> of(ImapSession session) {
        ImapConfig config = session.config();
        boolean plaintextOk = session.tls() || config.allowPlaintextAuth();
        List<String> caps = new ArrayList<>(List.of("IMAP4rev1", "LITERAL-", "ENABLE", "ID", "SASL-IR"));
        if (session.state() == SessionState.NOT_AUTHENTICATED) {
            if (session.starttlsAvailable()) {
                caps.add("STARTTLS");
            }
            caps.add("AUTH=SCRAM-SHA-256");
            if (plaintextOk) {
                caps.add("AUTH=PLAIN");
                caps.add("AUTH=LOGIN");
            } else {
                caps.add("LOGINDISABLED");
            }
        } else {
            caps.addAll(List.of("NAMESPACE", "UNSELECT", "CHILDREN", "SPECIAL-USE", "LIST-EXTENDED", "LIST-STATUS",
                    "STATUS=SIZE", "APPENDLIMIT=" + config.appendLimit()));
            caps.addAll(List.of("UIDPLUS", "MOVE", "ESEARCH", "SEARCHRES"));
        }
        return caps;
    }

    /** Capabilities a client may ENABLE (RFC 5161); none of the enable-able extensions is implemented yet. */
    static boolean enableable(String capability) {
        return false;
    }
}
