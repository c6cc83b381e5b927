package io.serai.routes.relay;

/** Where a delivery status notification for a sender goes. */
interface BounceSink {

    /** Delivers the DSN {@code report} (a whole RFC 5322 message) to {@code sender}. */
    void deliver(String sender, byte[] report) throws Exception;
}
