package dev.coachos.enrollment.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.coachos.enrollment.enrollment.Enrollment.Status;

class EnrollmentStatusTest {

    @Test
    void eachStatusMovesOnlyWhereTheRulesAllow() {
        assertThat(next(Status.ACTIVE)).containsExactlyInAnyOrder(Status.ON_HOLD, Status.COMPLETED, Status.DROPPED);
        assertThat(next(Status.ON_HOLD)).containsExactlyInAnyOrder(Status.ACTIVE, Status.DROPPED);
        assertThat(next(Status.COMPLETED)).containsExactly(Status.DROPPED);
        assertThat(next(Status.DROPPED)).isEmpty();
        assertThat(next(Status.WAITLISTED)).containsExactlyInAnyOrder(Status.OFFERED, Status.DROPPED);
        assertThat(next(Status.OFFERED)).containsExactlyInAnyOrder(Status.ACTIVE, Status.DROPPED);
    }

    @Test
    void onlyTheLineAndHistoryHoldNoSeat() {
        assertThat(EnumSet.allOf(Status.class).stream().filter(Status::holdsSeat))
                .containsExactlyInAnyOrder(Status.OFFERED, Status.ACTIVE, Status.ON_HOLD, Status.COMPLETED);
    }

    @Test
    void noStatusBecomesItself() {
        for (Status status : Status.values()) {
            assertThat(status.mayBecome(status)).as(status.name()).isFalse();
        }
    }

    private static Set<Status> next(Status from) {
        Set<Status> allowed = EnumSet.noneOf(Status.class);
        for (Status to : Status.values()) {
            if (from.mayBecome(to)) {
                allowed.add(to);
            }
        }
        return allowed;
    }
}
