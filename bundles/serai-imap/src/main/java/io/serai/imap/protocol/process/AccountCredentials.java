package io.serai.imap.protocol.process;

import io.serai.sasl.CredentialStore;
import io.serai.sasl.ScramCredential;
import io.serai.store.api.Accounts;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The store's accounts as the SASL {@link CredentialStore}, the default when no other is configured. */
public final class AccountCredentials implements CredentialStore {

    private final Accounts accounts;

    public AccountCredentials(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<ScramCredential> scramCredential(String user) {
        return accounts.scramCredential(user)
                .map(c -> new ScramCredential(c.salt(), c.iterations(), c.storedKey(), c.serverKey()));
    }

    @Override
    public boolean verifyPassword(String user, byte[] password) {
        char[] chars;
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(password));
            chars = new char[decoded.remaining()];
            decoded.get(chars);
        } catch (CharacterCodingException e) {
            return false;
        }
        try {
            return accounts.verifyPassword(user, chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
