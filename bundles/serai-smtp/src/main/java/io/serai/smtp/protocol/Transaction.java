package io.serai.smtp.protocol;

import io.serai.smtp.api.BodyType;
import io.serai.smtp.api.Envelope;
import io.serai.smtp.api.Recipient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The mutable state of one mail transaction, from MAIL to the end of data (RFC 5321 §3.3). */
final class Transaction {

    String reversePath;
    BodyType bodyType = BodyType.SEVEN_BIT;
    boolean smtpUtf8;
    OptionalLong declaredSize = OptionalLong.empty();
    Optional<Envelope.DsnReturn> dsnReturn = Optional.empty();
    Optional<String> envelopeId = Optional.empty();
    final List<Recipient> recipients = new ArrayList<>();
    /** Once a BDAT was accepted, DATA is not allowed in the same transaction (RFC 3030 §2). */
    boolean chunking;
    MessageSink sink;

    boolean hasSender() {
        return reversePath != null;
    }

    void discard() {
        if (sink != null) {
            sink.discard();
            sink = null;
        }
    }
}
