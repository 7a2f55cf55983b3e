package dev.coachos.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that stands at an instant a test sets and moves only when the test moves it. Copies
 * made with another zone share the instant, so code that asks for "today in Delhi" through
 * {@code clock.withZone(...)} sees the time the test set. A test class takes it as the service's
 * clock with {@code @Import(SettableClock.AsTheClock.class)} and {@code @Autowired SettableClock}.
 */
public final class SettableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** A clock at the real time now, in UTC, until a test sets it. */
    public SettableClock() {
        this(new AtomicReference<>(Instant.now()), ZoneOffset.UTC);
    }

    private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SettableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration duration) {
        now.updateAndGet(i -> i.plus(duration));
    }

    /** Makes a {@link SettableClock} the application's clock (it wins over the service's own). */
    @TestConfiguration
    public static class AsTheClock {

        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }
}
