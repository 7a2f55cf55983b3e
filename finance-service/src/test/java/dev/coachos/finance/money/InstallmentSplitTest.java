package dev.coachos.finance.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstallmentSplitTest {

    private static BigDecimal inr(String amount) {
        return new BigDecimal(amount);
    }

    private static BigDecimal sum(List<BigDecimal> parts) {
        return parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void tenThousandInThreePutsTheOddPaisaOnTheLastPart() {
        assertThat(InstallmentSplit.split(inr("10000.00"), 3))
                .containsExactly(inr("3333.33"), inr("3333.33"), inr("3333.34"));
    }

    @Test
    void sixteenThousandSixHundredFiftyInTwelveIsExactlyEven() {
        List<BigDecimal> parts = InstallmentSplit.split(inr("16650.00"), 12);
        assertThat(parts).hasSize(12).containsOnly(inr("1387.50"));
        assertThat(sum(parts)).isEqualTo(inr("16650.00"));
    }

    @Test
    void hundredInSevenPutsTheWholeRemainderOnTheLastPart() {
        List<BigDecimal> parts = InstallmentSplit.split(inr("100.00"), 7);
        assertThat(parts.subList(0, 6)).containsOnly(inr("14.28"));
        assertThat(parts.get(6)).isEqualTo(inr("14.32"));
        assertThat(sum(parts)).isEqualTo(inr("100.00"));
    }

    @Test
    void onePartIsTheTotal() {
        assertThat(InstallmentSplit.split(inr("18500"), 1)).containsExactly(inr("18500.00"));
    }

    @Test
    void fewerPaiseThanPartsLeavesZeroesAndTheRestOnTheLastPart() {
        assertThat(InstallmentSplit.split(inr("0.02"), 3)).containsExactly(inr("0.00"), inr("0.00"), inr("0.02"));
        assertThat(InstallmentSplit.split(inr("0.00"), 2)).containsExactly(inr("0.00"), inr("0.00"));
    }

    @Test
    void equalPartsAlwaysAddUpToTheTotalAndAreAllScaleTwo() {
        for (String total : List.of("0.01", "1.00", "999.99", "12345.67", "250000.00", "99999999.99")) {
            for (int n = 1; n <= 24; n++) {
                List<BigDecimal> parts = InstallmentSplit.split(inr(total), n);
                assertThat(sum(parts)).as("%s in %d", total, n).isEqualTo(inr(total));
                assertThat(parts).allSatisfy(part -> assertThat(part.scale()).isEqualTo(2));
                assertThat(parts.get(n - 1)).isGreaterThanOrEqualTo(parts.get(0));
            }
        }
    }

    @Test
    void equalSplitRejectsBadInput() {
        assertThatThrownBy(() -> InstallmentSplit.split(inr("100.00"), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> InstallmentSplit.split(inr("-100.00"), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> InstallmentSplit.split(inr("100.005"), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fraction of a paisa");
    }

    @Test
    void weightsSplitInProportionRoundingDownWithTheRestOnTheLast() {
        assertThat(InstallmentSplit.split(inr("10000.00"), List.of(inr("1"), inr("1"), inr("1"))))
                .containsExactly(inr("3333.33"), inr("3333.33"), inr("3333.34"));
        assertThat(InstallmentSplit.split(inr("18500.00"), List.of(inr("40"), inr("30"), inr("30"))))
                .containsExactly(inr("7400.00"), inr("5550.00"), inr("5550.00"));
        assertThat(InstallmentSplit.split(inr("100.00"), List.of(inr("2"), inr("1"))))
                .containsExactly(inr("66.66"), inr("33.34"));
    }

    @Test
    void zeroWeightGivesAZeroPart() {
        assertThat(InstallmentSplit.split(inr("500.00"), List.of(inr("0"), inr("1"))))
                .containsExactly(inr("0.00"), inr("500.00"));
    }

    @Test
    void weightsAreValidated() {
        assertThatThrownBy(() -> InstallmentSplit.split(inr("100.00"), List.<BigDecimal>of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one weight");
        assertThatThrownBy(() -> InstallmentSplit.split(inr("100.00"), List.of(inr("1"), inr("-1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> InstallmentSplit.split(inr("100.00"), List.of(inr("0"), inr("0.0"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not all be zero");
    }

    @Test
    void explicitAmountsThatAddUpAreReturnedAtScaleTwo() {
        assertThat(InstallmentSplit.explicit(inr("18500.00"), List.of(inr("8500"), inr("5000.0"), inr("5000.00"))))
                .containsExactly(inr("8500.00"), inr("5000.00"), inr("5000.00"));
    }

    @Test
    void explicitAmountsShortOfTheTotalAreRejectedWithTheDifference() {
        assertThatThrownBy(() -> InstallmentSplit.explicit(inr("18500.00"), List.of(inr("8500.00"), inr("9999.99"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("installments add up to 18499.99, which is 0.01 less than the total 18500.00");
    }

    @Test
    void explicitAmountsOverTheTotalAreRejectedWithTheDifference() {
        assertThatThrownBy(() -> InstallmentSplit.explicit(inr("10000.00"), List.of(inr("6000.00"), inr("4250.50"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("installments add up to 10250.50, which is 250.50 more than the total 10000.00");
    }

    @Test
    void explicitAmountsAreValidatedOneByOne() {
        assertThatThrownBy(() -> InstallmentSplit.explicit(inr("100.00"), List.of(inr("150.00"), inr("-50.00"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("installment 2 must not be negative, got -50.00");
        assertThatThrownBy(() -> InstallmentSplit.explicit(inr("100.00"), List.of(inr("99.995"), inr("0.005"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("installment 1 holds a fraction of a paisa");
        assertThatThrownBy(() -> InstallmentSplit.explicit(inr("100.00"), Collections.emptyList()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one installment");
    }

    @Test
    void returnedListsCannotBeChanged() {
        List<BigDecimal> parts = InstallmentSplit.split(inr("100.00"), 2);
        assertThatThrownBy(() -> parts.add(inr("1.00"))).isInstanceOf(UnsupportedOperationException.class);
    }
}
