package io.serai.smtp.api;

/** The three kinds of SMTP listener (RFC 6409 for submission, RFC 8314 for implicit TLS). */
public enum ListenerKind {
    /** Port 25: receives mail for the local domains from other MTAs; no AUTH needed, never relays. */
    MTA(false, false),
    /** Port 587 (RFC 6409): AUTH required before MAIL, authenticated users may relay; STARTTLS. */
    SUBMISSION(true, false),
    /** Port 465 (RFC 8314 §3.3): submission over implicit TLS. */
    SUBMISSIONS(true, true);

    private final boolean authRequired;
    private final boolean implicitTls;

    ListenerKind(boolean authRequired, boolean implicitTls) {
        this.authRequired = authRequired;
        this.implicitTls = implicitTls;
    }

    public boolean authRequired() {
        return authRequired;
    }

    public boolean implicitTls() {
        return implicitTls;
    }
}
