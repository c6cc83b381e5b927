package io.serai.imap.protocol.process;

import io.serai.sasl.CredentialStore;
import io.serai.store.api.MailStore;

import java.util.Objects;

/**
 * What a session needs from the server: the store, the credentials and the policy knobs.
 *
 * @param allowPlaintextAuth whether LOGIN and AUTHENTICATE PLAIN/LOGIN work without TLS; off by default
 *                           (RFC 9051 §6.2.3 LOGINDISABLED, §11.1)
 * @param appendLimit        largest message accepted, reported as APPENDLIMIT (RFC 7889)
 * @param maxBadCommands     consecutive BAD answers after which the server says BYE and closes (RFC 9051 §7.1.5
 *                           lets a server close a connection that keeps sending garbage)
 */
public record ImapConfig(MailStore store, CredentialStore credentials, boolean allowPlaintextAuth, long appendLimit,
                         String serverName, int maxBadCommands) {

    public ImapConfig {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(serverName, "serverName");
        if (maxBadCommands < 1) {
            throw new IllegalArgumentException("maxBadCommands must be at least 1");
        }
    }
}
