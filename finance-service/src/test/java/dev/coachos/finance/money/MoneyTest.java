package dev.coachos.finance.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void zeroIsScaleTwo() {
        assertThat(Money.ZERO).isEqualTo(new BigDecimal("0.00"));
        assertThat(Money.ZERO.scale()).isEqualTo(2);
    }

    @Test
    void ofRoundsHalfUpToThePaisa() {
        assertThat(Money.of(new BigDecimal("10.005"))).isEqualTo(new BigDecimal("10.01"));
        assertThat(Money.of(new BigDecimal("10.0049"))).isEqualTo(new BigDecimal("10.00"));
        assertThat(Money.of(new BigDecimal("-10.005"))).isEqualTo(new BigDecimal("-10.01"));
        assertThat(Money.of(new BigDecimal("7"))).isEqualTo(new BigDecimal("7.00"));
        assertThat(Money.of(new BigDecimal("1E+3"))).isEqualTo(new BigDecimal("1000.00"));
    }

    @Test
    void parseAcceptsPlainAmountsAndReturnsScaleTwo() {
        assertThat(Money.parse("18500", "fee")).isEqualTo(new BigDecimal("18500.00"));
        assertThat(Money.parse(" 18500.5 ", "fee")).isEqualTo(new BigDecimal("18500.50"));
        assertThat(Money.parse("0.01", "fee")).isEqualTo(new BigDecimal("0.01"));
        assertThat(Money.parse("-250.75", "refund")).isEqualTo(new BigDecimal("-250.75"));
    }

    @Test
    void parseRejectsMoreThanTwoDecimalsNamingTheField() {
        assertThatThrownBy(() -> Money.parse("10.005", "tuitionFee"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tuitionFee")
                .hasMessageContaining("at most 2 decimals");
        assertThatThrownBy(() -> Money.parse("10.500", "tuitionFee"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tuitionFee");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1,000", "1e3", "+5", "12.", ".5", "1 000", "NaN", "--1", "₹100"})
    void parseRejectsAnythingThatIsNotAPlainNumber(String text) {
        assertThatThrownBy(() -> Money.parse(text, "admissionFee"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("admissionFee must be a plain number");
    }

    @Test
    void parseRejectsMissingTextNamingTheField() {
        assertThatThrownBy(() -> Money.parse(null, "discount"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discount is required");
        assertThatThrownBy(() -> Money.parse("   ", "discount"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discount is required");
    }

    @Test
    void toPaiseIsExact() {
        assertThat(Money.toPaise(new BigDecimal("18500.00"))).isEqualTo(1_850_000L);
        assertThat(Money.toPaise(new BigDecimal("0.01"))).isEqualTo(1L);
        assertThat(Money.toPaise(new BigDecimal("12.5"))).isEqualTo(1250L);
        assertThat(Money.toPaise(new BigDecimal("99"))).isEqualTo(9900L);
        assertThat(Money.toPaise(new BigDecimal("-3.20"))).isEqualTo(-320L);
        assertThat(Money.toPaise(new BigDecimal("1.2300"))).isEqualTo(123L);
    }

    @Test
    void toPaiseRefusesAFractionOfAPaisa() {
        assertThatThrownBy(() -> Money.toPaise(new BigDecimal("10.001")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fraction of a paisa");
    }

    @Test
    void toPaiseRefusesAmountsBeyondALong() {
        assertThatThrownBy(() -> Money.toPaise(new BigDecimal("100000000000000000000.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void fromPaiseGivesScaleTwoRupees() {
        assertThat(Money.fromPaise(1_850_050L)).isEqualTo(new BigDecimal("18500.50"));
        assertThat(Money.fromPaise(1L)).isEqualTo(new BigDecimal("0.01"));
        assertThat(Money.fromPaise(0L)).isEqualTo(new BigDecimal("0.00"));
        assertThat(Money.fromPaise(-99L)).isEqualTo(new BigDecimal("-0.99"));
    }

    @Test
    void paiseRoundTripIsLossless() {
        for (long paise : new long[] {0, 1, 99, 100, 138_750L, 999_999_999_999L}) {
            assertThat(Money.toPaise(Money.fromPaise(paise))).isEqualTo(paise);
        }
    }

    @Test
    void requireNonNegativeRejectsNegativeAmountsNamingTheField() {
        assertThatThrownBy(() -> Money.requireNonNegative(new BigDecimal("-0.01"), "fee"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fee must not be negative, got -0.01");
        assertThat(Money.requireNonNegative(new BigDecimal("5"), "fee")).isEqualTo(new BigDecimal("5.00"));
    }
}
