package io.serai.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.serai.store.api.AlreadyExistsException;
import io.serai.store.api.MailStore;
import io.serai.store.api.MailboxInfo;
import io.serai.store.api.NotFoundException;
import io.serai.store.api.ScramCredential;
import io.serai.store.api.SpecialUse;
import io.serai.store.support.auth.ScramHasher;

/** Behaviour every MailStore has; a store's test extends this with its {@link StoreFixture}. */
public abstract class AccountsContract {

    /** Where this test's store lives: a fresh location per test method, the same one on every call. */
    protected abstract StoreFixture fixture();


    @Test
    void newAccountGetsInboxAndSubscribedSpecialUseMailboxes() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            assertThat(store.mailboxes(TestStores.USER).list()).extracting(MailboxInfo::name)
                    .containsExactly("Archive", "Drafts", "INBOX", "Junk", "Sent", "Trash");
            assertThat(store.mailboxes(TestStores.USER).list()).filteredOn(i -> i.specialUse().isPresent())
                    .extracting(i -> i.specialUse().get()).containsExactlyInAnyOrder(SpecialUse.values());
            assertThat(store.mailboxes(TestStores.USER).subscriptions()).hasSize(6);
            assertThat(store.accounts().accounts("example.org")).containsExactly(TestStores.USER);
        }
    }

    @Test
    void passwordsVerifyAgainstTheScramCredentialOnly() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            assertThat(store.accounts().verifyPassword("Alice@Example.org", "pencil".toCharArray())).isTrue();
            assertThat(store.accounts().verifyPassword(TestStores.USER, "pencil".toCharArray())).isTrue();
            assertThat(store.accounts().verifyPassword(TestStores.USER, "pencil2".toCharArray())).isFalse();
            assertThat(store.accounts().verifyPassword("nobody@example.org", "pencil".toCharArray())).isFalse();
            ScramCredential c = store.accounts().scramCredential(TestStores.USER).orElseThrow();
            assertThat(c.iterations()).isEqualTo(4096);
            assertThat(c.salt()).hasSize(16);
        }
    }

    @Test
    void changingThePasswordInvalidatesTheVerificationCache() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            assertThat(store.accounts().verifyPassword(TestStores.USER, "pencil".toCharArray())).isTrue();
            store.accounts().setPassword(TestStores.USER, "crayon".toCharArray());
            assertThat(store.accounts().verifyPassword(TestStores.USER, "pencil".toCharArray())).isFalse();
            assertThat(store.accounts().verifyPassword(TestStores.USER, "crayon".toCharArray())).isTrue();
        }
    }

    @Test
    void credentialsSurviveReopen() throws Exception {
        TestStores.openWithUser(fixture()).close();
        try (MailStore store = fixture().open()) {
            assertThat(store.accounts().verifyPassword(TestStores.USER, TestStores.PASSWORD)).isTrue();
            assertThat(store.accounts().domains()).containsExactly("example.org");
        }
    }

    /** RFC 7677 section 3 example exchange, checked with the credential our hasher derives. */
    @Test
    void derivedCredentialReproducesTheRfc7677Exchange() throws Exception {
        byte[] salt = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        ScramCredential c = ScramHasher.derive("pencil".toCharArray(), salt, 4096);
        String auth = "n=user,r=rOprNGfwEbeRWgbNEkqO,"
                + "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
                + "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
        byte[] serverSignature = hmac(c.serverKey(), auth);
        assertThat(Base64.getEncoder().encodeToString(serverSignature))
                .isEqualTo("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
        byte[] proof = Base64.getDecoder().decode("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        byte[] clientSignature = hmac(c.storedKey(), auth);
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        assertThat(MessageDigest.getInstance("SHA-256").digest(clientKey)).isEqualTo(c.storedKey());
    }

    @Test
    void duplicatesAndUnknownDomainsAreRejected() throws Exception {
        try (MailStore store = TestStores.openWithUser(fixture())) {
            assertThatThrownBy(() -> store.accounts().createAccount(TestStores.USER, "x".toCharArray()))
                    .isInstanceOf(AlreadyExistsException.class);
            assertThatThrownBy(() -> store.accounts().createAccount("bob@elsewhere.net", "x".toCharArray()))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> store.accounts().removeDomain("example.org"))
                    .hasMessageContaining("still has accounts");
            store.accounts().deleteAccount(TestStores.USER);
            assertThat(store.accounts().scramCredential(TestStores.USER)).isEqualTo(Optional.empty());
            store.accounts().removeDomain("example.org");
            assertThat(store.accounts().isLocalDomain("example.org")).isFalse();
        }
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
