package io.serai.camel.imapidle.api;

/**
 * Supplies an OAuth 2.0 access token for a mail account, for SASL XOAUTH2 (Google's and Microsoft's mechanism;
 * the token goes where the password would). Called once per connection or per send, so an implementation may
 * cache a token and refresh it when it nears expiry; it must be safe to call from several threads.
 */
@FunctionalInterface
public interface TokenSupplier {

    /**
     * @param username the account the token is for (the endpoint's username)
     * @return a current access token, never null
     * @throws Exception when no token can be had; the connection attempt fails and is retried with back-off
     */
    String accessToken(String username) throws Exception;
}
