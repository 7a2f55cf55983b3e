package dev.coachos.finance.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);

    private static Set<Long> nov(int from, Integer to) {
        return PayDays.days(LocalDate.of(2026, 11, from), to == null ? null : LocalDate.of(2026, 11, to), NOV_1, NOV_30);
    }

    @Test
    void daysAreClippedToTheMonth() {
        assertThat(PayDays.days(LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 3), NOV_1, NOV_30)).hasSize(3);
        assertThat(PayDays.days(LocalDate.of(2026, 11, 28), null, NOV_1, NOV_30)).hasSize(3);
        assertThat(PayDays.days(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 9), NOV_1, NOV_30)).isEmpty();
    }

    /**
     * Asha holds the batch 1-15 November, Ravi 16-30. Dev is active 1-15 (Asha's only), Meera 10-30
     * (21 days: 6 under Asha, 15 under Ravi). Meera's 500.00 is split 6/21 and 15/21, never paid twice.
     */
    @Test
    void aStudentsCommissionIsSharedByTheirActiveDaysUnderEachTeacher() {
        Set<Long> asha = nov(1, 15);
        Set<Long> ravi = nov(16, 30);
        Set<Long> held = new HashSet<>(asha);
        held.addAll(ravi);
        List<Set<Long>> students = List.of(nov(1, 15), nov(10, null));
        BigDecimal commission = new BigDecimal("500.00");

        PayDays.CommissionShare ashas = PayDays.commissionShare(asha, held, students);
        assertThat(ashas.amount(commission)).isEqualByComparingTo("642.86"); // 500 x (1 + 6/21)
        assertThat(ashas.basis(commission)).isEqualTo("1.2857 of 2 active students (1 shared by active days) x 500.00");
        PayDays.CommissionShare ravis = PayDays.commissionShare(ravi, held, students);
        assertThat(ravis.amount(commission)).isEqualByComparingTo("357.14"); // 500 x 15/21
        assertThat(ravis.basis(commission)).isEqualTo("0.7143 of 1 active student (1 shared by active days) x 500.00");
        assertThat(ashas.amount(commission).add(ravis.amount(commission))).isEqualByComparingTo("1000.00");
    }

    @Test
    void aStudentUnderOneTeacherOnlyCountsWholeAndOnlyDaysSomeoneHeldTheBatchCount() {
        Set<Long> teacher = nov(1, 20); // no one holds the batch 21-30
        List<Set<Long>> students = List.of(nov(5, null), nov(1, 2), nov(25, null));
        PayDays.CommissionShare share = PayDays.commissionShare(teacher, teacher, students);
        assertThat(share.students()).isEqualTo(2);
        assertThat(share.shared()).isZero();
        assertThat(share.amount(new BigDecimal("250.00"))).isEqualByComparingTo("500.00");
        assertThat(share.basis(new BigDecimal("250.00"))).isEqualTo("2 active students x 250.00");
        assertThat(PayDays.commissionShare(teacher, teacher, List.of(nov(21, 30))).students()).isZero();
    }

    /** Shares are added exactly and rounded once: three thirds of 100.00 make 100.00, not 99.99. */
    @Test
    void sharesAreAddedExactlyAndRoundedOnce() {
        Set<Long> teacher = nov(1, 10);
        Set<Long> held = nov(1, 30);
        List<Set<Long>> students = List.of(nov(1, null), nov(1, null), nov(1, null));
        PayDays.CommissionShare share = PayDays.commissionShare(teacher, held, students);
        assertThat(share.amount(new BigDecimal("100.00"))).isEqualByComparingTo("100.00");
        assertThat(share.amount(new BigDecimal("0.05"))).isEqualByComparingTo("0.05");
        assertThat(PayDays.commissionShare(nov(1, 1), held, List.of(nov(1, null))).amount(new BigDecimal("100.00")))
                .isEqualByComparingTo("3.33");
    }

    /**
     * Three teachers hold the batch 1-10, 11-20 and 21-30 November; one student is active all month, so
     * each holds a third of their 100.00. Each third rounded alone is 33.33, and 33.33 x 3 = 99.99: the
     * split pays the paisa left over to the largest remainder (equal here: the first), 33.34 + 33.33 +
     * 33.33 = 100.00.
     */
    @Test
    void theTeachersPartsOfAStudentsCommissionAddUpToTheWhole() {
        Set<Long> held = nov(1, 30);
        List<Set<Long>> student = List.of(nov(1, null));
        Map<String, PayDays.CommissionShare> shares = new LinkedHashMap<>();
        shares.put("asha", PayDays.commissionShare(nov(1, 10), held, student));
        shares.put("ravi", PayDays.commissionShare(nov(11, 20), held, student));
        shares.put("meera", PayDays.commissionShare(nov(21, 30), held, student));
        BigDecimal commission = new BigDecimal("100.00");
        assertThat(shares.get("ravi").amount(commission)).isEqualByComparingTo("33.33");

        Map<String, BigDecimal> parts = PayDays.split(shares, commission);
        assertThat(parts).containsExactly(Map.entry("asha", new BigDecimal("33.34")),
                Map.entry("ravi", new BigDecimal("33.33")), Map.entry("meera", new BigDecimal("33.33")));
        assertThat(parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100.00");

        // Two such students: 66.666.. each, 199.98 rounded alone; split 66.67 + 66.67 + 66.66 = 200.00.
        List<Set<Long>> two = List.of(nov(1, null), nov(1, null));
        Map<String, PayDays.CommissionShare> twoShares = new LinkedHashMap<>();
        twoShares.put("asha", PayDays.commissionShare(nov(1, 10), held, two));
        twoShares.put("ravi", PayDays.commissionShare(nov(11, 20), held, two));
        twoShares.put("meera", PayDays.commissionShare(nov(21, 30), held, two));
        assertThat(PayDays.split(twoShares, commission)).containsExactly(Map.entry("asha", new BigDecimal("66.67")),
                Map.entry("ravi", new BigDecimal("66.67")), Map.entry("meera", new BigDecimal("66.66")));
    }

    /** The split keeps what rounding alone already got right: Asha 642.86 and Ravi 357.14 of 1,000.00. */
    @Test
    void theSplitOfTwoTeachersByActiveDaysKeepsTheirAmounts() {
        Set<Long> asha = nov(1, 15);
        Set<Long> ravi = nov(16, 30);
        Set<Long> held = nov(1, 30);
        List<Set<Long>> students = List.of(nov(1, 15), nov(10, null));
        Map<String, PayDays.CommissionShare> shares = new LinkedHashMap<>();
        shares.put("ravi", PayDays.commissionShare(ravi, held, students));
        shares.put("asha", PayDays.commissionShare(asha, held, students));
        assertThat(PayDays.split(shares, new BigDecimal("500.00"))).containsExactly(
                Map.entry("ravi", new BigDecimal("357.14")), Map.entry("asha", new BigDecimal("642.86")));
    }
}
