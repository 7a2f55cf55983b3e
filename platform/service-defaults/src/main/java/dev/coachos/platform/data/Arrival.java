package dev.coachos.platform.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waiting a little for a fact that another service's event has not brought yet (a user or batch
 * created a moment ago): the lookup is repeated every {@value #POLL_MILLIS} ms until it finds
 * something or the patience runs out. Call it outside a transaction, so no connection is held
 * while waiting.
 */
public final class Arrival {

    static final long POLL_MILLIS = 100;

    private Arrival() {
    }

    /** The lookup's answer once it has one, or empty after {@code patience}. */
    public static <T> Optional<T> awaited(Duration patience, Supplier<Optional<T>> lookup) {
        Instant giveUp = Instant.now().plus(patience);
        Optional<T> found = lookup.get();
        while (found.isEmpty() && Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(POLL_MILLIS); // polling a table for a row a listener will write; nothing to await on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = lookup.get();
        }
        return found;
    }
}
