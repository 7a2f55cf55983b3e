package dev.coachos.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong();
    private final TokenBuckets buckets = new TokenBuckets(3, now::get);

    @Test
    void aFullBucketLetsItsCapacityThroughThenSaysHowLongToWait() {
        assertThat(buckets.tryTake("a")).isZero();
        assertThat(buckets.tryTake("a")).isZero();
        assertThat(buckets.tryTake("a")).isZero();
        assertThat(buckets.tryTake("a")).isEqualTo(20);
    }

    @Test
    void tokensComeBackOverTheMinute() {
        for (int i = 0; i < 3; i++) {
            buckets.tryTake("a");
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(20));
        assertThat(buckets.tryTake("a")).isZero();
        assertThat(buckets.tryTake("a")).isPositive();
    }

    @Test
    void keysHaveTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            buckets.tryTake("a");
        }
        assertThat(buckets.tryTake("b")).isZero();
    }
}
