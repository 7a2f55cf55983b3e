package dev.coachos.assessment.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The service's one rounding rule: two decimal places, half up, rounded once; passing decided exactly. */
class MarksTest {

    @Test
    void zeroHasTwoDecimalPlaces() {
        assertThat(Marks.ZERO).isEqualTo(new BigDecimal("0.00"));
    }

    @ParameterizedTest
    @CsvSource({
        "4, 4.00",
        "1.333, 1.33",
        "0.625, 0.63",
        "0.125, 0.13",
        "2.675, 2.68",
        "1.004999, 1.00",
        "-0.125, -0.13",
        "-1.004, -1.00",
    })
    void ofRoundsToTwoDecimalPlacesHalfUpAwayFromZero(String value, String expected) {
        assertThat(Marks.of(new BigDecimal(value))).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @CsvSource({
        "2, 3, 66.67",
        "1, 3, 33.33",
        "1, 8, 12.50",
        "9, 800, 1.13",
        "0.01, 200, 0.01",
        "139.99, 200, 70.00",
        "21, 40, 52.50",
        "40, 40, 100.00",
        "0, 40, 0.00",
        "-3, 40, -7.50",
        "-1, 800, -0.13",
        "-180, 720, -25.00",
    })
    void percentMultipliesFirstAndRoundsOnceHalfUp(String score, String max, String expected) {
        assertThat(Marks.percent(new BigDecimal(score), new BigDecimal(max))).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void percentOfANonPositiveMaximumIsZero() {
        assertThat(Marks.percent(new BigDecimal("5"), BigDecimal.ZERO)).isEqualTo(new BigDecimal("0.00"));
        assertThat(Marks.percent(new BigDecimal("5"), new BigDecimal("-10"))).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void passingIsDecidedExactlyNotFromTheRoundedPercentage() {
        BigDecimal max = new BigDecimal("200");
        BigDecimal seventy = new BigDecimal("70");

        assertThat(Marks.percent(new BigDecimal("139.99"), max)).isEqualTo(new BigDecimal("70.00"));
        assertThat(Marks.passes(new BigDecimal("139.99"), max, seventy)).isFalse();
        assertThat(Marks.passes(new BigDecimal("140.00"), max, seventy)).isTrue();
        assertThat(Marks.passes(new BigDecimal("140.01"), max, seventy)).isTrue();
    }

    @Test
    void passingAtExactlyThePassingPercentagePasses() {
        assertThat(Marks.passes(new BigDecimal("28"), new BigDecimal("40"), new BigDecimal("70.00"))).isTrue();
        assertThat(Marks.passes(new BigDecimal("27.99"), new BigDecimal("40"), new BigDecimal("70.00"))).isFalse();
        assertThat(Marks.passes(new BigDecimal("1"), new BigDecimal("3"), new BigDecimal("33.33"))).isTrue();
        assertThat(Marks.passes(new BigDecimal("1"), new BigDecimal("3"), new BigDecimal("33.34"))).isFalse();
    }

    @Test
    void aNegativeScoreFailsAPassingMarkOfZeroThatZeroReaches() {
        assertThat(Marks.passes(new BigDecimal("-1"), new BigDecimal("40"), BigDecimal.ZERO)).isFalse();
        assertThat(Marks.passes(new BigDecimal("0"), new BigDecimal("40"), BigDecimal.ZERO)).isTrue();
    }

    @Test
    void aNonPositiveMaximumCountsAsZeroPercent() {
        assertThat(Marks.passes(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("40"))).isFalse();
        assertThat(Marks.passes(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)).isTrue();
    }

    @Test
    void shareMultipliesFirstAndRoundsOnce() {
        assertThat(Marks.share(new BigDecimal("4"), 1, 3)).isEqualTo(new BigDecimal("1.33"));
        assertThat(Marks.share(new BigDecimal("4"), 2, 3)).isEqualTo(new BigDecimal("2.67"));
        assertThat(Marks.share(new BigDecimal("5"), 1, 8)).isEqualTo(new BigDecimal("0.63"));
        assertThat(Marks.share(new BigDecimal("5"), 3, 8)).isEqualTo(new BigDecimal("1.88"));
        assertThat(Marks.share(new BigDecimal("0.5"), 25, 100)).isEqualTo(new BigDecimal("0.13"));
        assertThatThrownBy(() -> Marks.share(BigDecimal.ONE, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "4, 4.00",
        "2.5, 2.50",
        "2.50, 2.50",
        "2.500, 2.50",
        "'  1.25 ', 1.25",
        "+3, 3.00",
        "-1, -1.00",
        "0.25, 0.25",
        ".5, 0.50",
        "5., 5.00",
        "0, 0.00",
    })
    void parseAcceptsPlainDecimalsWithAtMostTwoDecimalPlaces(String text, String expected) {
        assertThat(Marks.parse(text, "points")).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.505", "0.001", "1.333"})
    void parseRejectsThreeDecimalPlacesNamingTheField(String text) {
        assertThatThrownBy(() -> Marks.parse(text, "negativePoints"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negativePoints")
                .hasMessageContaining("2 decimal places");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1,000", "1,5", "1e2", "1E2", "--1", "+-1", "1.2.3", ".", "+", "1 000", "Infinity",
        "NaN", "0x10", "४", "１"})
    void parseRejectsWhatIsNotAPlainDecimalNamingTheField(String text) {
        assertThatThrownBy(() -> Marks.parse(text, "points"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("points must be a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void parseRejectsMissingPointsNamingTheField(String text) {
        assertThatThrownBy(() -> Marks.parse(text, "points")).hasMessage("points is required");
        assertThatThrownBy(() -> Marks.parse(null, "points")).hasMessage("points is required");
    }
}
