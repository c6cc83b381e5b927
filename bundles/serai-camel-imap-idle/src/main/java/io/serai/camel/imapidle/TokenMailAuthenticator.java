package io.serai.camel.imapidle;

import io.serai.camel.imapidle.api.TokenSupplier;
import jakarta.mail.PasswordAuthentication;
import org.apache.camel.component.mail.MailAuthenticator;

/**
 * Lets camel-mail's producer (and consumers) log in with a {@link TokenSupplier}: camel-mail asks its authenticator
 * before every send, so each connection gets a current token. Use it as
 * {@code smtp://host:587?authenticator=#tokenAuth&mail.smtp.auth.mechanisms=XOAUTH2&mail.smtp.starttls.enable=true}
 * with a bean {@code tokenAuth = new TokenMailAuthenticator("user@example.com", supplier)}; the
 * {@code mail.smtp.auth.mechanisms} property makes Angus use XOAUTH2 with the token in place of the password.
 */
public class TokenMailAuthenticator extends MailAuthenticator {

    private final String username;
    private final TokenSupplier tokenSupplier;

    public TokenMailAuthenticator(String username, TokenSupplier tokenSupplier) {
        this.username = username;
        this.tokenSupplier = tokenSupplier;
    }

    @Override
    public PasswordAuthentication getPasswordAuthentication() {
        try {
            return new PasswordAuthentication(username, tokenSupplier.accessToken(username));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("no access token for " + username, e);
        }
    }
}
