package dev.coachos.communication.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.coachos.communication.leave.Leave.Status;

class LeaveRulesTest {

    @Test
    void aPendingLeaveIsDecidedOrCancelledAndAnApprovedOneMayStillBeCancelled() {
        assertThat(Status.PENDING.mayBecome(Status.APPROVED)).isTrue();
        assertThat(Status.PENDING.mayBecome(Status.REJECTED)).isTrue();
        assertThat(Status.PENDING.mayBecome(Status.CANCELLED)).isTrue();
        assertThat(Status.APPROVED.mayBecome(Status.CANCELLED)).isTrue();
        assertThat(Status.APPROVED.mayBecome(Status.REJECTED)).isFalse();
        for (Status next : Status.values()) {
            assertThat(Status.REJECTED.mayBecome(next)).isFalse();
            assertThat(Status.CANCELLED.mayBecome(next)).isFalse();
        }
    }

    @Test
    void onlyPendingAndApprovedLeavesHoldTheirDays() {
        assertThat(List.of(Status.values())).filteredOn(Status::holdsDays)
                .containsExactly(Status.PENDING, Status.APPROVED);
    }

    @Test
    void settingsLeftOutTakeTheirDefaultsAndAZeroLengthIsRefused() {
        LeaveSettings defaults = new LeaveSettings(null, null, null);
        assertThat(defaults.timeZone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(defaults.approverRoles()).containsExactly("HR_MANAGER");
        assertThat(defaults.maxDays()).isEqualTo(366);
        assertThatThrownBy(() -> new LeaveSettings(null, List.of(), 0)).hasMessageContaining("max-days");
    }
}
