package io.serai.smtp.transport;

/** What the {@link SmtpFramer} passes to the {@link SmtpSessionHandler}. */
sealed interface Frame {

    /** One line without its CRLF. */
    record Line(byte[] bytes) implements Frame {
    }

    /** A line longer than allowed was skipped, up to and including its CRLF. */
    record Overlong() implements Frame {
    }

    /** Part of a BDAT chunk. */
    record ChunkPart(byte[] bytes) implements Frame {
    }
}
