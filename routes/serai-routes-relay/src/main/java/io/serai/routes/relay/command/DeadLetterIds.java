package io.serai.routes.relay.command;

import java.io.IOException;

import io.serai.routes.relay.DeadLetters;
import io.serai.routes.relay.spool.SpoolEntry;

final class DeadLetterIds {

    private DeadLetterIds() {
    }

    static SpoolEntry find(DeadLetters deadLetters, String id) throws IOException {
        return deadLetters.find(id).orElseThrow(() -> new IllegalArgumentException("No dead letter " + id));
    }
}
