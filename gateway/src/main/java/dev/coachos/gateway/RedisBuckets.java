package dev.coachos.gateway;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Token buckets in Redis, shared by every gateway instance that names the same Redis and key prefix.
 * Each take is one call of Spring Cloud Gateway's {@link RedisRateLimiter} (an atomic Lua token
 * bucket; its keys expire two minutes after a bucket was last used), made on Lettuce's reactive API,
 * so no event-loop thread waits for Redis.
 *
 * <p>When Redis cannot be reached, gives a wrong answer or is slower than
 * {@code coachos.gateway.redis-timeout}, the request is counted in this instance's memory instead
 * (the same buckets as without Redis), a warning is logged once per outage and the counter
 * {@code coachos.gateway.rate-limit.redis.failures} goes up; Redis is asked again
 * {@link #RETRY} later. Limits thus never switch off, they only stop being shared for a while.
 *
 * <p>The connection is made at startup, or, when Redis was down then, later off the event loop
 * (Spring Data Redis makes its shared connection on the calling thread): until it is up, requests
 * are counted in memory. Once made, Lettuce reconnects it on its own.
 */
final class RedisBuckets implements Buckets.Store, DisposableBean {

    static final Duration RETRY = Duration.ofSeconds(5);
    static final String FAILURES = "coachos.gateway.rate-limit.redis.failures";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);

    /** One request costs this many tokens: buckets refill per second, limits are per minute. */
    private static final int TOKENS_PER_REQUEST = 60;

    private final LettuceConnectionFactory connections;
    private final RedisRateLimiter limiter;
    private final String prefix;
    private final Duration timeout;
    private final LongSupplier clock;
    private final Counter failures;

    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile boolean connected;
    private volatile boolean failing;
    /** {@link System#nanoTime()} before which Redis is not asked (after a failure). */
    private volatile long quietUntil = System.nanoTime();

    RedisBuckets(RateLimitProperties properties, LongSupplier clock, ConfigurationService gatewayConfiguration,
            MeterRegistry meters) {
        RedisURI uri = RedisURI.create(properties.redisUrl());
        ClientOptions options = ClientOptions.builder()
                // A command sent while the connection is down fails at once instead of waiting in a queue.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .build();
        // Lettuce's own timeout also bounds the connection handshake, which may take a while on a busy
        // machine; each rate-limit check has the shorter redis-timeout of its own (see limit).
        LettuceClientConfiguration client = LettuceClientConfiguration.builder().apply(uri)
                .commandTimeout(CONNECT_TIMEOUT.plus(properties.redisTimeout())).clientOptions(options)
                .clientName("coachos-gateway").build();
        this.connections = new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(uri), client);
        this.connections.afterPropertiesSet();
        this.connections.start();
        @SuppressWarnings({"unchecked", "rawtypes"})
        RedisScript<List<Long>> script = (RedisScript) RedisScript.of(
                new ClassPathResource("META-INF/scripts/request_rate_limiter.lua"), List.class);
        this.limiter = new RedisRateLimiter(new ReactiveStringRedisTemplate(connections), script, gatewayConfiguration);
        this.prefix = properties.redisKeyPrefix();
        this.timeout = properties.redisTimeout();
        this.clock = clock;
        this.failures = meters == null ? null
                : Counter.builder(FAILURES).description("Rate-limit checks counted in memory because Redis failed")
                        .register(meters);
        log.info("Rate limits are kept in Redis at {}:{} (key prefix {})", uri.getHost(), uri.getPort(), prefix);
        try {
            // At startup the thread may wait: the first requests are already shared.
            ping().block();
            connected = true;
        } catch (RuntimeException failure) {
            failed(failure);
        }
    }

    @Override
    public Buckets limit(String name, int perMinute) {
        String limitId = prefix + ":" + name;
        // perMinute tokens a second into a bucket of 60 x perMinute, 60 tokens a request: perMinute
        // requests at once, one more every 60 / perMinute seconds, as the in-memory buckets do.
        limiter.getConfig().put(limitId, new RedisRateLimiter.Config().setReplenishRate(perMinute)
                .setBurstCapacity((long) TOKENS_PER_REQUEST * perMinute).setRequestedTokens(TOKENS_PER_REQUEST));
        TokenBuckets local = new TokenBuckets(perMinute, clock);
        return key -> {
            if (!asksRedis()) {
                return Mono.just(local.tryTake(key));
            }
            return limiter.isAllowed(limitId, key)
                    .timeout(timeout)
                    .map(response -> retryAfter(response, perMinute))
                    .doOnNext(retryAfter -> answered())
                    .onErrorResume(failure -> {
                        failed(failure);
                        return Mono.just(local.tryTake(key));
                    });
        };
    }

    /**
     * Zero when allowed, else the seconds until the bucket holds a request's tokens again. The
     * limiter answers "allowed, -1 left" when its script failed (it logs why at DEBUG only): that is
     * a failure here, not a free pass.
     */
    private long retryAfter(RateLimiter.Response response, int perMinute) {
        String header = response.getHeaders().get(limiter.getRemainingHeader());
        long remaining = header == null ? -1 : Long.parseLong(header);
        if (remaining < 0) {
            throw new IllegalStateException("Redis did not run the rate-limit script (DEBUG logging of "
                    + RedisRateLimiter.class.getName() + " says why)");
        }
        if (response.isAllowed()) {
            return 0;
        }
        long missing = Math.max(1, TOKENS_PER_REQUEST - remaining);
        return Math.max(1, (missing + perMinute - 1) / perMinute);
    }

    private boolean asksRedis() {
        if (System.nanoTime() - quietUntil < 0) {
            return false;
        }
        if (!connected) {
            connect();
            return false;
        }
        return true;
    }

    /** Makes Spring Data Redis' shared connection on a thread that may wait, and says so once it answers. */
    private void connect() {
        if (!connecting.compareAndSet(false, true)) {
            return;
        }
        ping().subscribeOn(Schedulers.boundedElastic())
                .doFinally(signal -> connecting.set(false))
                .subscribe(pong -> {
                    connected = true;
                    answered();
                }, this::failed);
    }

    /** Connects (waiting, on the subscribing thread) unless connected, and asks Redis for a PONG. */
    private Mono<String> ping() {
        ReactiveRedisConnectionFactory factory = connections;
        return Mono.usingWhen(Mono.fromCallable(factory::getReactiveConnection),
                ReactiveRedisConnection::ping, ReactiveRedisConnection::closeLater).timeout(CONNECT_TIMEOUT.multipliedBy(2));
    }

    private void answered() {
        if (failing) {
            failing = false;
            log.info("Redis answers again: rate limits are shared again");
        }
    }

    private void failed(Throwable failure) {
        quietUntil = System.nanoTime() + RETRY.toNanos();
        if (failures != null) {
            failures.increment();
        }
        if (!failing) {
            failing = true;
            log.warn("Redis failed ({}): rate limits are counted in this instance's memory, Redis is asked again"
                    + " every {} s", describe(failure), RETRY.toSeconds());
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == failure ? String.valueOf(failure) : failure + ", caused by " + cause;
    }

    @Override
    public void destroy() {
        connections.destroy();
    }
}
