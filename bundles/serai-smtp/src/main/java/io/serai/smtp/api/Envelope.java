package io.serai.smtp.api;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The envelope of one mail transaction, as the server accepted it (RFC 5321 §2.3.1).
 *
 * @param heloName           the domain the client gave in HELO/EHLO
 * @param clientAddress      the client's socket address
 * @param reversePath        the MAIL FROM mailbox, empty string for the null reverse-path {@code <>}
 * @param recipients         the accepted recipients, in order
 * @param bodyType           BODY= (RFC 6152)
 * @param smtpUtf8           whether SMTPUTF8 was requested (RFC 6531 §3.4)
 * @param declaredSize       SIZE= (RFC 1870), if sent
 * @param dsnReturn          RET= (RFC 3461 §4.3), if sent
 * @param dsnEnvelopeId      ENVID= (RFC 3461 §4.4) as sent (xtext), if sent
 * @param authenticatedUser  the SASL identity of the session, if it authenticated (RFC 4954)
 * @param tls                whether the transaction ran over TLS
 * @param receivedAt         when the message data was complete
 * @param transactionId      the id the server put in its Received: header and 250 reply
 */
public record Envelope(
        String heloName,
        InetSocketAddress clientAddress,
        String reversePath,
        List<Recipient> recipients,
        BodyType bodyType,
        boolean smtpUtf8,
        OptionalLong declaredSize,
        Optional<DsnReturn> dsnReturn,
        Optional<String> dsnEnvelopeId,
        Optional<String> authenticatedUser,
        boolean tls,
        Instant receivedAt,
        String transactionId) {

    public Envelope {
        Objects.requireNonNull(reversePath, "reversePath");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(bodyType, "bodyType");
        Objects.requireNonNull(declaredSize, "declaredSize");
        Objects.requireNonNull(dsnReturn, "dsnReturn");
        Objects.requireNonNull(dsnEnvelopeId, "dsnEnvelopeId");
        Objects.requireNonNull(authenticatedUser, "authenticatedUser");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(transactionId, "transactionId");
    }

    /** RET= values (RFC 3461 §4.3). */
    public enum DsnReturn { FULL, HDRS }
}
