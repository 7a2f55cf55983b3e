package dev.coachos.gateway;

import reactor.core.publisher.Mono;

/**
 * The token buckets of one limit, one bucket per key (a client address, a user): {@code perMinute}
 * requests at once, refilled evenly over a minute. In each gateway's memory by default
 * ({@link TokenBuckets}), or in Redis and so shared by every gateway instance ({@link RedisBuckets}).
 */
@FunctionalInterface
interface Buckets {

    /** Zero when the request may pass, else the whole seconds to wait before the next one would. */
    Mono<Long> take(String key);

    /** Makes the buckets of each limit. */
    @FunctionalInterface
    interface Store {

        /** The buckets of the limit called {@code name} (part of its keys when they are shared). */
        Buckets limit(String name, int perMinute);
    }
}
