package dev.coachos.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ArrivalTest {

    @Test
    void aFactThatArrivesWhileWaitingIsFound() {
        AtomicInteger lookups = new AtomicInteger();
        Optional<String> found = Arrival.awaited(Duration.ofSeconds(60),
                () -> lookups.incrementAndGet() < 3 ? Optional.empty() : Optional.of("batch"));
        assertThat(found).contains("batch");
        assertThat(lookups).hasValue(3);
    }

    @Test
    void withoutPatienceOneLookupDecides() {
        AtomicInteger lookups = new AtomicInteger();
        assertThat(Arrival.awaited(Duration.ZERO, () -> {
            lookups.incrementAndGet();
            return Optional.empty();
        })).isEmpty();
        assertThat(lookups).hasValue(1);
    }
}
