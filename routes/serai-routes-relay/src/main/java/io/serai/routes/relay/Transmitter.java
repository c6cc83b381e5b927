package io.serai.routes.relay;

import java.io.InputStream;
import java.util.List;

import io.serai.routes.relay.spool.SpoolEntry;

/** One delivery attempt of a spooled message to its pending recipients. */
interface Transmitter {

    /**
     * Sends {@code content} to {@code entry.recipients()} from {@code entry.sender()}; returns the recipients that
     * were not delivered (empty when all were). Delivery errors are results, not exceptions.
     */
    List<RecipientFailure> send(SpoolEntry entry, InputStream content);
}
