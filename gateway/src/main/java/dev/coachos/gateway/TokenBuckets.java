package dev.coachos.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets, one per key: {@code capacity} requests at once, refilled evenly over
 * a minute. Each gateway instance counts on its own, so with N instances a client may get up to
 * N times the limit; {@link RedisBuckets} makes the limit global. They are also what a gateway
 * with Redis counts in while Redis fails.
 */
final class TokenBuckets {

    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();
    private static final int MAX_KEYS = 100_000;

    private final int capacity;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(int capacity, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.clock = nanoClock;
    }

    /** Zero when the request may pass, else the whole seconds to wait before the next one would. */
    long tryTake(String key) {
        long now = clock.getAsLong();
        if (buckets.size() > MAX_KEYS) {
            buckets.values().removeIf(b -> b.idleSince(now) > MINUTE_NANOS);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        return bucket.take(now, capacity);
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updated = now;
        }

        synchronized long take(long now, int capacity) {
            double perNano = (double) capacity / MINUTE_NANOS;
            tokens = Math.min(capacity, tokens + (now - updated) * perNano);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double waitNanos = (1 - tokens) / perNano;
            return Math.max(1, (long) Math.ceil(waitNanos / 1_000_000_000d));
        }

        synchronized long idleSince(long now) {
            return now - updated;
        }
    }
}
