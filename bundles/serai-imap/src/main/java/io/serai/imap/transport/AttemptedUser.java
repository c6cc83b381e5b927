package io.serai.imap.transport;

import io.serai.sasl.CredentialStore;
import io.serai.sasl.ScramCredential;
import java.util.Optional;

/**
 * The credential store as one session sees it: passes every call through and remembers the account name of the
 * last one, so the transport knows whom a failed LOGIN or AUTHENTICATE was for (throttling) and whom a successful
 * one authenticated (per-account limits) without the protocol core having to report it.
 */
final class AttemptedUser implements CredentialStore {

    private final CredentialStore delegate;
    private String user;

    AttemptedUser(CredentialStore delegate) {
        this.delegate = delegate;
    }

    /** The account of the last credential look-up, or null. */
    String user() {
        return user;
    }

    @Override
    public Optional<ScramCredential> scramCredential(String name) {
        user = name;
        return delegate.scramCredential(name);
    }

    @Override
    public boolean verifyPassword(String name, byte[] password) {
        user = name;
        return delegate.verifyPassword(name, password);
    }
}
