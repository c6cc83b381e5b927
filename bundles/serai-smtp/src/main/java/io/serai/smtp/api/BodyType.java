package io.serai.smtp.api;

/** The MAIL FROM {@code BODY=} parameter (RFC 6152 8BITMIME; 7BIT when absent). */
public enum BodyType {
    SEVEN_BIT,
    EIGHT_BIT_MIME
}
