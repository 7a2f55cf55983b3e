package dev.coachos.finance.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.coachos.finance.money.FeeSchedule.Frequency;
import dev.coachos.finance.money.FeeSchedule.Installment;
import dev.coachos.finance.money.FeeSchedule.Part;

class FeeScheduleTest {

    private static final LocalDate JAN_5 = LocalDate.of(2027, 1, 5);

    @Test
    void aOneTimeFeeIsOneInstallmentDueOnTheDayOfEnrollment() {
        List<Installment> plan = FeeSchedule.plan(new BigDecimal("16650.00"), Frequency.ONE_TIME,
                LocalDate.of(2026, 12, 20), JAN_5, LocalDate.of(2027, 6, 30), 12);
        assertThat(plan).containsExactly(new Installment(1, LocalDate.of(2026, 12, 20), new BigDecimal("16650.00")));
    }

    @Test
    void aMonthlyFeeRunsFromTheBatchStartToItsEndOnTheStartsDayOfTheMonth() {
        List<Installment> plan = FeeSchedule.plan(new BigDecimal("2500.00"), Frequency.MONTHLY,
                LocalDate.of(2026, 12, 20), JAN_5, LocalDate.of(2027, 6, 30), 12);
        assertThat(plan).hasSize(6);
        assertThat(plan).extracting(Installment::dueDate).containsExactly(JAN_5, LocalDate.of(2027, 2, 5),
                LocalDate.of(2027, 3, 5), LocalDate.of(2027, 4, 5), LocalDate.of(2027, 5, 5), LocalDate.of(2027, 6, 5));
        assertThat(plan).extracting(Installment::amount).containsOnly(new BigDecimal("2500.00"));
        assertThat(plan).extracting(Installment::number).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void aStudentWhoJoinsLateOwesFromTheirOwnFirstMonth() {
        List<Installment> plan = FeeSchedule.plan(new BigDecimal("2500.00"), Frequency.MONTHLY,
                LocalDate.of(2027, 3, 18), JAN_5, LocalDate.of(2027, 6, 30), 12);
        assertThat(plan).extracting(Installment::dueDate).containsExactly(LocalDate.of(2027, 3, 18),
                LocalDate.of(2027, 4, 18), LocalDate.of(2027, 5, 18), LocalDate.of(2027, 6, 18));
    }

    @Test
    void aBatchWithoutAnEndRunsTheSetNumberOfMonthsAndTheLastDayOfAShortMonthIsUsed() {
        List<Installment> plan = FeeSchedule.plan(new BigDecimal("999.99"), Frequency.MONTHLY,
                LocalDate.of(2027, 1, 31), LocalDate.of(2027, 1, 31), null, 4);
        assertThat(plan).extracting(Installment::dueDate).containsExactly(LocalDate.of(2027, 1, 31),
                LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 30));
    }

    @Test
    void impossiblePlansAreRefused() {
        assertThatThrownBy(() -> FeeSchedule.plan(new BigDecimal("-1.00"), Frequency.ONE_TIME, JAN_5, JAN_5, null, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeeSchedule.plan(new BigDecimal("100.00"), Frequency.MONTHLY,
                LocalDate.of(2027, 7, 1), JAN_5, LocalDate.of(2027, 6, 30), 12))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the plan's first month");
        assertThatThrownBy(() -> FeeSchedule.plan(new BigDecimal("100.00"), Frequency.MONTHLY, JAN_5, JAN_5, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 60 months");
        assertThatThrownBy(() -> FeeSchedule.plan(new BigDecimal("100.00"), Frequency.MONTHLY, JAN_5, JAN_5,
                LocalDate.of(2032, 1, 5), 12)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("61 months");
    }

    @Test
    void anUnpaidBalanceSplitEvenlyPutsTheRemainderOnTheLastPart() {
        List<Installment> parts = FeeSchedule.evenly(new BigDecimal("10000.00"), 3, LocalDate.of(2027, 2, 10));
        assertThat(parts).extracting(Installment::amount).containsExactly(new BigDecimal("3333.33"),
                new BigDecimal("3333.33"), new BigDecimal("3333.34"));
        assertThat(parts).extracting(Installment::dueDate).containsExactly(LocalDate.of(2027, 2, 10),
                LocalDate.of(2027, 3, 10), LocalDate.of(2027, 4, 10));
    }

    @Test
    void aResplitByHandMustAddUpToThePaisaWithDatesInOrder() {
        List<Installment> parts = FeeSchedule.resplit(new BigDecimal("12500.00"), List.of(
                new Part(LocalDate.of(2027, 2, 1), new BigDecimal("5000.00")),
                new Part(LocalDate.of(2027, 3, 1), new BigDecimal("7500.00"))));
        assertThat(parts).extracting(Installment::number).containsExactly(1, 2);

        assertThatThrownBy(() -> FeeSchedule.resplit(new BigDecimal("12500.00"), List.of(
                new Part(LocalDate.of(2027, 2, 1), new BigDecimal("5000.00")),
                new Part(LocalDate.of(2027, 3, 1), new BigDecimal("7499.99")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.01 less");
        assertThatThrownBy(() -> FeeSchedule.resplit(new BigDecimal("12500.00"), List.of(
                new Part(LocalDate.of(2027, 3, 1), new BigDecimal("5000.00")),
                new Part(LocalDate.of(2027, 3, 1), new BigDecimal("7500.00")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not after the part before it");
        assertThatThrownBy(() -> FeeSchedule.resplit(new BigDecimal("12500.00"), List.of(
                new Part(LocalDate.of(2027, 2, 1), new BigDecimal("0.00")),
                new Part(LocalDate.of(2027, 3, 1), new BigDecimal("12500.00")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 0.00");
        assertThatThrownBy(() -> FeeSchedule.resplit(new BigDecimal("12500.00"), List.of(
                new Part(LocalDate.of(2027, 2, 1), new BigDecimal("12500.001")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fraction of a paisa");
        assertThatThrownBy(() -> FeeSchedule.resplit(new BigDecimal("12500.00"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one part");
    }
}
