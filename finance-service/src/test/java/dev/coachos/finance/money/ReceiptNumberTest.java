package dev.coachos.finance.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiptNumberTest {

    private static final FinancialYear FY_26_27 = new FinancialYear(2026);

    @Test
    void formatsSeriesYearAndFiveDigitSequence() {
        assertThat(ReceiptNumber.format("DEL", FY_26_27, 42)).isEqualTo("DEL/26-27/00042");
        assertThat(ReceiptNumber.format("DEL", FY_26_27, 1)).isEqualTo("DEL/26-27/00001");
        assertThat(ReceiptNumber.format("DEL", FY_26_27, 99_999)).isEqualTo("DEL/26-27/99999");
        assertThat(ReceiptNumber.format("B2", new FinancialYear(2027), 7)).isEqualTo("B2/27-28/00007");
    }

    @Test
    void usesMoreDigitsWhenTheSequenceNeedsThem() {
        assertThat(ReceiptNumber.format("DEL", FY_26_27, 100_000)).isEqualTo("DEL/26-27/100000");
        assertThat(ReceiptNumber.format("B1", FY_26_27, 1_000_000)).isEqualTo("B1/26-27/1000000");
        assertThat(ReceiptNumber.format("A", FY_26_27, 10_000_000)).isEqualTo("A/26-27/10000000");
    }

    @Test
    void sixteenCharactersIsTheLimit() {
        assertThat(ReceiptNumber.format("PUNE", FY_26_27, 99_999)).isEqualTo("PUNE/26-27/99999").hasSize(16);
        assertThatThrownBy(() -> ReceiptNumber.format("PUNE", FY_26_27, 100_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("receipt number PUNE/26-27/100000 is 17 characters, more than the 16 allowed;"
                        + " use a shorter series code");
        assertThatThrownBy(() -> ReceiptNumber.format("DEL", FY_26_27, 1_000_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("17 characters");
    }

    @Test
    void aFourCharacterSeriesCodeFitsFiveDigitSequencesAndNoMore() {
        assertThat(ReceiptNumber.validateSeriesCode("PUNE")).isEqualTo("PUNE");
        assertThat(ReceiptNumber.format("PUNE", FY_26_27, 99_999)).isEqualTo("PUNE/26-27/99999").hasSize(16);
        assertThatThrownBy(() -> ReceiptNumber.format("PUNE", FY_26_27, 100_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PUNE/26-27/100000 is 17 characters");
    }

    @Test
    void everyFormattedNumberUsesOnlyAllowedCharacters() {
        for (String series : new String[] {"A", "B1", "DEL", "PUNE"}) {
            for (long sequence : new long[] {1, 42, 9_999, 99_999}) {
                assertThat(ReceiptNumber.format(series, FY_26_27, sequence))
                        .matches("[A-Za-z0-9/-]{1,16}");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "del", "De1", "DEL-1", "DEL/", "ABCDE", "ABCDEF", "D L", "DÉL", "१२"})
    void rejectsSeriesCodesThatAreNotOneToFourUpperCaseLettersOrDigits(String seriesCode) {
        assertThatThrownBy(() -> ReceiptNumber.format(seriesCode, FY_26_27, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("series code must be 1 to 4 upper-case letters or digits");
    }

    @Test
    void rejectsAMissingSeriesCode() {
        assertThatThrownBy(() -> ReceiptNumber.validateSeriesCode(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("series code must be");
    }

    @Test
    void rejectsASequenceBelowOne() {
        assertThatThrownBy(() -> ReceiptNumber.format("DEL", FY_26_27, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("receipt sequence must be at least 1, got 0");
        assertThatThrownBy(() -> ReceiptNumber.format("DEL", FY_26_27, -5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
