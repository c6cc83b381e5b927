package io.serai.imap.protocol.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CAPABILITY list for a session (RFC 9051 §7.2.2). Only what is implemented is advertised, and an ENABLE-able
 * extension is enabled only when advertised. Plaintext mechanisms are hidden, and LOGINDISABLED shown, before TLS
 * unless configured (RFC 9051 §6.2.3, §11.1).
 *
 * <p>LITERAL+ (RFC 7888 §3): a non-synchronizing literal {@code {n+}} may be as large as a synchronizing one (the
 * transport sets {@code FramerLimits.maxNonSyncLiteral()} to the literal size limit), and large ones are spooled to
 * disk. One past the limit ends the connection with BYE, which RFC 7888 §4 allows instead of reading and dropping
 * it. LITERAL- is not advertised with it (RFC 7888 §5 forbids advertising both); LITERAL+ covers everything
 * LITERAL- allows, so IMAP4rev2 (RFC 9051 §4.3) still holds.
 */
final class Capabilities {

    static final String IMAP4REV2 = "IMAP4REV2";
    static final String UTF8_ACCEPT = "UTF8=ACCEPT";
    static final String CONDSTORE = "CONDSTORE";
    static final String QRESYNC = "QRESYNC";
    static final String LITERAL_PLUS = "LITERAL+";

    /**
     * IMAP4rev2 (RFC 9051) holds: ENABLE, IDLE, NAMESPACE, UNSELECT, UIDPLUS, ESEARCH (the default SEARCH answer
     * once enabled), SEARCHRES, SASL-IR, LIST-EXTENDED, LIST-STATUS, MOVE, LITERAL- (as LITERAL+), BINARY (FETCH BINARY and APPEND
     * literal8), SPECIAL-USE, STATUS=SIZE and DELETED, no RECENT once enabled, UTF-8 mailbox names (Appendix E).
     * Kept as a switch so that a regression can take the capability back in one place.
     */
    static final boolean IMAP4REV2_COMPLETE = true;

    private Capabilities() {
    }

    /** The spelling to echo in {@code * ENABLED}: the one this server advertises (the decoder upper-cases). */
    static String advertisedName(String upperCase) {
        return upperCase.equals(IMAP4REV2) ? "IMAP4rev2" : upperCase;
    }

    static List<String> of(ImapSession session) {
        ImapConfig config = session.config();
        boolean plaintextOk = session.tls() || config.allowPlaintextAuth();
        List<String> caps = new ArrayList<>(List.of("IMAP4rev1"));
        if (IMAP4REV2_COMPLETE) {
            caps.add("IMAP4rev2");
        }
        caps.addAll(List.of(LITERAL_PLUS, "ENABLE", "ID", "SASL-IR", "IDLE"));
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
                    "STATUS=SIZE", "APPENDLIMIT=" + config.appendLimit(), UTF8_ACCEPT, "QUOTA", "QUOTA=RES-STORAGE",
                    "QUOTA=RES-MESSAGE"));
            caps.addAll(List.of("UIDPLUS", "MOVE", "ESEARCH", "SEARCHRES", "PARTIAL", "MULTIAPPEND", "CATENATE"));
            // RFC 5256, RFC 5957, RFC 5267 §3
            caps.addAll(List.of("SORT", "SORT=DISPLAY", "ESORT", "THREAD=ORDEREDSUBJECT", "THREAD=REFERENCES"));
            caps.addAll(List.of(CONDSTORE, QRESYNC)); // RFC 7162
            caps.add("BINARY"); // RFC 3516: FETCH BINARY[] and APPEND literal8
            caps.add("SAVEDATE"); // RFC 8514
            if (session.compressionAvailable()) {
                caps.add("COMPRESS=DEFLATE");
            }
        }
        return caps;
    }

    /**
     * Whether ENABLE may turn this capability on now (RFC 5161 §3.1: others are ignored). UTF8=ACCEPT only in the
     * authenticated state, before a mailbox is selected (RFC 6855 §3), since it changes how mailbox names are read.
     */
    static boolean enableable(String capability, ImapSession session) {
        String c = capability.toUpperCase(Locale.ROOT);
        if (c.equals(IMAP4REV2)) {
            // like UTF8=ACCEPT it changes how mailbox names are read: not while a mailbox is selected
            return IMAP4REV2_COMPLETE && session.state() == SessionState.AUTHENTICATED;
        }
        if (c.equals(CONDSTORE) || c.equals(QRESYNC)) {
            return session.state() != SessionState.NOT_AUTHENTICATED; // RFC 7162 §3.1, §3.2.3
        }
        return c.equals(UTF8_ACCEPT) && session.state() == SessionState.AUTHENTICATED;
    }
}
