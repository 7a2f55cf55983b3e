package dev.coachos.gateway;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time for the gateway's rate limits that stands still until a test moves it on, so that no
 * bucket refills while a test counts requests, however slowly the machine runs them.
 */
final class SettableTicker implements RateLimiting.Ticker {

    private final AtomicLong nanos = new AtomicLong(System.nanoTime());

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
