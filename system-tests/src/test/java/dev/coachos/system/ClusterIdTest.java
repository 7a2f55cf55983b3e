package dev.coachos.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ClusterIdTest {

    @Test
    void anIdThatWouldStartWithADashIsDrawnAgain() {
        // 0xF8 as the first byte encodes to '-' (index 62 of the URL-safe alphabet).
        UUID dashed = new UUID(0xF800_0000_0000_0000L, 1L);
        UUID plain = new UUID(0x0123_4567_89AB_CDEFL, 2L);
        Iterator<UUID> draws = List.of(dashed, dashed, plain).iterator();
        String id = SuiteProcesses.clusterId(draws::next);
        assertThat(id).isEqualTo("ASNFZ4mrze8AAAAAAAAAAg").doesNotStartWith("-").hasSize(22);
        assertThat(draws.hasNext()).isFalse();
    }
}
