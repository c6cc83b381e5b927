package io.serai.store.karaf.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import io.serai.sasl.CredentialStore;
import io.serai.sasl.ScramCredential;
import io.serai.store.api.MailStore;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The store's accounts as the SASL credential source of every listener, SMTP, POP3 and IMAP alike (service and
 * Camel bean {@code seraiCredentials}). Plain
 * passwords are checked by the store, which caches successful checks, so a login does not cost a PBKDF2 run
 * every time.
 */
@Component(service = CredentialStore.class, property = "osgi.jndi.service.name=" + StoreCredentials.BEAN_NAME)
public final class StoreCredentials implements CredentialStore {

    public static final String BEAN_NAME = "seraiCredentials";

    private final MailStore store;

    @org.osgi.service.component.annotations.Activate
    public StoreCredentials(@Reference MailStore store) {
        this.store = store;
    }

    @Override
    public Optional<ScramCredential> scramCredential(String user) {
        return store.accounts().scramCredential(user)
                .map(c -> new ScramCredential(c.salt(), c.iterations(), c.storedKey(), c.serverKey()));
    }

    @Override
    public boolean verifyPassword(String user, byte[] password) {
        // SASL hands over UTF-8 octets (RFC 4616 section 2); the store takes characters
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(password));
        char[] secret = Arrays.copyOf(chars.array(), chars.limit());
        try {
            return store.accounts().verifyPassword(user, secret);
        } finally {
            Arrays.fill(secret, (char) 0);
            Arrays.fill(chars.array(), (char) 0);
        }
    }
}
