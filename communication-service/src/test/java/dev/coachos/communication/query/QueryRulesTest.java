package dev.coachos.communication.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.coachos.communication.query.Query.Priority;
import dev.coachos.communication.query.Query.Status;

/** The moves a query may make, which statuses stop the resolution clock, and the targets' defaults. */
class QueryRulesTest {

    @Test
    void closedIsFinalAndNothingBecomesOpenByHand() {
        assertThat(Arrays.stream(Status.values()).filter(Status.CLOSED::mayBecome)).isEmpty();
        assertThat(Arrays.stream(Status.values()).filter(s -> s.mayBecome(Status.OPEN))).isEmpty();
        assertThat(Arrays.stream(Status.values()).filter(s -> s.mayBecome(s))).isEmpty();
        assertThat(Arrays.stream(Status.values()).filter(Status.RESOLVED::mayBecome))
                .containsExactly(Status.IN_PROGRESS, Status.CLOSED);
        assertThat(Status.OPEN.mayBecome(Status.RESOLVED)).isTrue();
        assertThat(Status.WAITING_ON_REQUESTER.mayBecome(Status.IN_PROGRESS)).isTrue();
        assertThat(Status.IN_PROGRESS.mayBecome(Status.WAITING_ON_REQUESTER)).isTrue();
    }

    @Test
    void theResolutionClockStandsStillWhileWaitingResolvedOrClosed() {
        assertThat(Arrays.stream(Status.values()).filter(Status::pausesResolution))
                .containsExactly(Status.WAITING_ON_REQUESTER, Status.RESOLVED, Status.CLOSED);
    }

    @Test
    void targetsLeftOutKeepTheirDefaults() {
        QuerySettings settings = new QuerySettings(
                Map.of("urgent", new QuerySettings.Target(Duration.ofMinutes(30), null)), null, List.of(), null);
        assertThat(settings.target(Priority.URGENT)).isEqualTo(new QuerySettings.Target(Duration.ofMinutes(30),
                Duration.ofHours(8)));
        assertThat(settings.target(Priority.LOW)).isEqualTo(new QuerySettings.Target(Duration.ofHours(24),
                Duration.ofHours(120)));
        assertThat(settings.managerRoles()).containsExactly("BACKOFFICE");
        assertThat(settings.headOfficeRoles()).containsExactly("GENERAL_MANAGER", "DIRECTOR");
        assertThat(settings.sweepInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anUnknownPriorityOrAnEmptyTargetIsRefusedAtStart() {
        assertThatThrownBy(() -> new QuerySettings(Map.of("soon", new QuerySettings.Target(null, null)), null, null,
                null)).hasMessageContaining("coachos.queries.sla.soon");
        assertThatThrownBy(() -> new QuerySettings(Map.of("high", new QuerySettings.Target(Duration.ZERO, null)), null,
                null, null)).hasMessageContaining("positive");
    }
}
