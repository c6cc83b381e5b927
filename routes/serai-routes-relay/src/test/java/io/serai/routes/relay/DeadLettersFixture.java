package io.serai.routes.relay;

import java.time.Clock;

import io.serai.routes.relay.spool.RelaySpool;

/** Lets tests in other packages build the {@link DeadLetters} service over a spool. */
public final class DeadLettersFixture {

    private DeadLettersFixture() {
    }

    public static DeadLetters over(RelaySpool spool) {
        return new DeadLetters(spool, Clock.systemUTC());
    }
}
