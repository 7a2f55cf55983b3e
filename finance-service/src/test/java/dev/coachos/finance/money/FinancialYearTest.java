package dev.coachos.finance.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FinancialYearTest {

    @Test
    void firstOfAprilStartsTheYear() {
        assertThat(FinancialYear.of(LocalDate.of(2026, 4, 1))).isEqualTo(new FinancialYear(2026));
    }

    @Test
    void thirtyFirstOfMarchEndsTheYear() {
        assertThat(FinancialYear.of(LocalDate.of(2027, 3, 31))).isEqualTo(new FinancialYear(2026));
        assertThat(FinancialYear.of(LocalDate.of(2027, 4, 1))).isEqualTo(new FinancialYear(2027));
        assertThat(FinancialYear.of(LocalDate.of(2026, 3, 31))).isEqualTo(new FinancialYear(2025));
    }

    @Test
    void januaryBelongsToTheYearThatStartedTheAprilBefore() {
        assertThat(FinancialYear.of(LocalDate.of(2027, 1, 1)).label()).isEqualTo("26-27");
        assertThat(FinancialYear.of(LocalDate.of(2026, 12, 31)).label()).isEqualTo("26-27");
    }

    @Test
    void labelUsesTwoDigitsOfEachYear() {
        assertThat(new FinancialYear(2026).label()).isEqualTo("26-27");
        assertThat(new FinancialYear(2009).label()).isEqualTo("09-10");
        assertThat(new FinancialYear(2099).label()).isEqualTo("99-00");
        assertThat(new FinancialYear(2100).label()).isEqualTo("00-01");
    }

    @Test
    void startAndEndAreFirstOfAprilAndThirtyFirstOfMarch() {
        FinancialYear year = new FinancialYear(2026);
        assertThat(year.start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(year.end()).isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void containsIncludesBothEnds() {
        FinancialYear year = new FinancialYear(2026);
        assertThat(year.contains(LocalDate.of(2026, 4, 1))).isTrue();
        assertThat(year.contains(LocalDate.of(2027, 3, 31))).isTrue();
        assertThat(year.contains(LocalDate.of(2026, 3, 31))).isFalse();
        assertThat(year.contains(LocalDate.of(2027, 4, 1))).isFalse();
    }

    @Test
    void nextYearFollowsOn() {
        FinancialYear next = new FinancialYear(2026).next();
        assertThat(next.label()).isEqualTo("27-28");
        assertThat(next.start()).isEqualTo(new FinancialYear(2026).end().plusDays(1));
    }

    @Test
    void leapYearMarchStillEndsOnTheThirtyFirst() {
        assertThat(new FinancialYear(2027).end()).isEqualTo(LocalDate.of(2028, 3, 31));
        assertThat(FinancialYear.of(LocalDate.of(2028, 2, 29)).label()).isEqualTo("27-28");
    }

    @Test
    void rejectsYearsOutsideFourDigits() {
        assertThatThrownBy(() -> new FinancialYear(999)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FinancialYear(9999)).isInstanceOf(IllegalArgumentException.class);
    }
}
