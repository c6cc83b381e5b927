package io.serai.sasl;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link CredentialStore} held in memory, for tests and small embedded setups. */
public final class InMemoryCredentialStore implements CredentialStore {

    private final Map<String, ScramCredential> users = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** Adds or replaces {@code user}, storing only the derived SCRAM credential. */
    public InMemoryCredentialStore withUser(String user, String password) {
        users.put(user, Scram.newCredential(password, random));
        return this;
    }

    /** Adds or replaces {@code user} with an already derived credential. */
    public InMemoryCredentialStore withCredential(String user, ScramCredential credential) {
        users.put(user, credential);
        return this;
    }

    @Override
    public Optional<ScramCredential> scramCredential(String user) {
        return Optional.ofNullable(users.get(user));
    }
}
