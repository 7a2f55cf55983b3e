package dev.coachos.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class UuidV7Test {

    @Test
    void carriesVersionSevenTheIetfVariantAndTheTime() {
        long millis = 1_790_000_000_123L;
        UUID id = UuidV7.at(millis);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Test
    void laterIdsSortAfterEarlierOnes() {
        UUID earlier = UuidV7.at(1_000L);
        UUID later = UuidV7.at(2_000L);
        assertThat(later.toString()).isGreaterThan(earlier.toString());
        assertThat(UuidV7.next()).isNotEqualTo(UuidV7.next());
    }
}
