package dev.coachos.messaging.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Wakes the relay as soon as a transaction that stored events commits, so an event leaves within
 * milliseconds instead of at the next poll (which stays, as the safety net for events committed by
 * another instance of the service or while the relay was busy).
 */
public final class RelaySignal {

    private final Semaphore raised = new Semaphore(0);

    /** Something was committed: the relay should look now. */
    public void raise() {
        if (raised.availablePermits() == 0) {
            raised.release();
        }
    }

    /** Waits until raised or the time is up; true when raised. Signals raised meanwhile count once. */
    boolean await(Duration timeout) throws InterruptedException {
        boolean wasRaised = raised.tryAcquire(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        raised.drainPermits();
        return wasRaised;
    }
}
