package dev.coachos.finance.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class PayDaysTest {

    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    @Test
    void aChangeHappensOnItsDayInIndia() {
        // 20:00 UTC on 15 November is 01:30 on the 16th in Delhi.
        assertThat(PayDays.dayOf(Instant.parse("2026-11-15T20:00:00Z"), INDIA)).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(PayDays.dayOf(Instant.parse("2026-11-15T18:29:59Z"), INDIA)).isEqualTo(LocalDate.of(2026, 11, 15));
    }

    @Test
    void aPeriodStartsOnItsDayOrTheBatchStartWhenLater() {
        LocalDate start = LocalDate.of(2026, 11, 1);
        assertThat(PayDays.startOn(LocalDate.of(2026, 10, 20), start)).isEqualTo(start);
        assertThat(PayDays.startOn(LocalDate.of(2026, 11, 10), start)).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(PayDays.startOn(LocalDate.of(2026, 10, 20), null)).isEqualTo(LocalDate.of(2026, 10, 20));
    }

    @Test
    void aStudentWhoLeftOnTheTenthWasActiveUntilTheNinth() {
        assertThat(PayDays.lastDayBefore(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 10)))
                .contains(LocalDate.of(2026, 11, 9));
        // Left the day they joined: the period held no day.
        assertThat(PayDays.lastDayBefore(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 10))).isEmpty();
        assertThat(PayDays.lastDayBefore(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 11)))
                .contains(LocalDate.of(2026, 11, 10));
    }

    @Test
    void teachersAndStaffArePayeesAndStudentsAreNot() {
        assertThat(PayDays.payeeType("TEACHER", "SENIOR_FACULTY")).contains("TEACHER");
        assertThat(PayDays.payeeType("STAFF", "COUNSELLOR")).contains("STAFF");
        assertThat(PayDays.payeeType("STUDENT", "TEACHER")).isEmpty();
        // Older events without profileType: by identity's default role names.
        assertThat(PayDays.payeeType(null, "TEACHER")).contains("TEACHER");
        assertThat(PayDays.payeeType(null, "BACKOFFICE")).contains("STAFF");
        assertThat(PayDays.payeeType("", "payroll_manager")).contains("STAFF");
        assertThat(PayDays.payeeType(null, "STUDENT")).isEmpty();
        assertThat(PayDays.payeeType(null, "COUNSELLOR")).isEmpty();
        assertThat(PayDays.payeeType(null, null)).isEmpty();
    }
}
