package io.serai.imap.protocol.request;

/** {@code LOGIN userid password} (RFC 9051 §6.2.3). The password stays bytes so it can be wiped. */
public record LoginRequest(String tag, String user, byte[] password) implements ImapRequest {

    @Override
    public String command() {
        return "LOGIN";
    }


    @Override
    public String toString() {
        return "LoginRequest[" + tag + ", " + user + ", ***]"; // never log the password
    }
}
