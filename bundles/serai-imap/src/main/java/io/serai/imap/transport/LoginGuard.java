package io.serai.imap.transport;

import io.serai.imap.protocol.response.ImapResponse;
import io.serai.imap.protocol.response.ResponseCode;
import io.serai.imap.protocol.response.Status;
import io.serai.imap.protocol.response.StatusResponse;
import java.net.InetAddress;
import java.util.List;

/**
 * The listener-wide login rules applied to one connection, from outside the protocol core: the growing delay
 * after a failed login ({@link LoginThrottle}) and the per-account session limit ({@link UserConnections}).
 */
final class LoginGuard {

    /** No throttle, no per-account limit (tests of the handlers alone). */
    static final LoginGuard NONE = new LoginGuard(null, null, null, null);

    private final LoginThrottle throttle;
    private final UserConnections users;
    private final InetAddress client;
    private final AttemptedUser attempted;
    private String counted;

    LoginGuard(LoginThrottle throttle, UserConnections users, InetAddress client, AttemptedUser attempted) {
        this.throttle = throttle;
        this.users = users;
        this.client = client;
        this.attempted = attempted;
    }

    /**
     * The session has just authenticated: counts it for its account, or returns the responses that replace the
     * tagged OK when the account already has its maximum of sessions (the connection is then closed).
     */
    List<ImapResponse> admit(List<ImapResponse> responses) {
        if (users == null || attempted.user() == null) {
            return null;
        }
        String user = attempted.user();
        if (throttle != null) {
            throttle.succeeded(user);
        }
        if (users.tryAdd(user)) {
            counted = user;
            return null;
        }
        String tag = responses.isEmpty() || !(responses.get(responses.size() - 1) instanceof StatusResponse s)
                ? null : s.tag();
        // UNAVAILABLE (RFC 5530 §3): a temporary condition; the client may retry once other sessions end
        return List.of(StatusResponse.untagged(Status.BYE, null, "Too many sessions for this account"),
                StatusResponse.no(tag, ResponseCode.of("UNAVAILABLE"), "Too many sessions for this account"));
    }

    /** Nanoseconds to hold back {@code responses} when they end in a failed login, else 0. */
    long failureDelayNanos(List<ImapResponse> responses) {
        if (throttle == null || responses.isEmpty()
                || !(responses.get(responses.size() - 1) instanceof StatusResponse last)
                || last.status() != Status.NO || !ResponseCode.AUTHENTICATIONFAILED.equals(last.code())) {
            return 0;
        }
        return throttle.failed(client, attempted.user());
    }

    /** The connection ended. */
    void closed() {
        if (counted != null) {
            users.remove(counted);
            counted = null;
        }
    }
}
