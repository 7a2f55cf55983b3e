package dev.coachos.assessment.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which attempt counts, or how attempts combine, when a quiz allows several. */
class GradingMethodTest {

    private static final List<BigDecimal> ATTEMPTS = List.of(d("12.50"), d("18.00"), d("9.25"));

    @Test
    void highestTakesTheBestAttempt() {
        assertThat(GradingMethod.HIGHEST.over(ATTEMPTS)).isEqualTo(d("18.00"));
        assertThat(GradingMethod.HIGHEST.over(List.of(d("-2.00"), d("-1.00")))).isEqualTo(d("-1.00"));
    }

    @Test
    void firstAndLastFollowTheAttemptOrder() {
        assertThat(GradingMethod.FIRST.over(ATTEMPTS)).isEqualTo(d("12.50"));
        assertThat(GradingMethod.LAST.over(ATTEMPTS)).isEqualTo(d("9.25"));
    }

    @Test
    void averageIsTheMeanRoundedOnceHalfUp() {
        assertThat(GradingMethod.AVERAGE.over(ATTEMPTS)).isEqualTo(d("13.25"));
        assertThat(GradingMethod.AVERAGE.over(List.of(d("1"), d("0"), d("0")))).isEqualTo(d("0.33"));
        assertThat(GradingMethod.AVERAGE.over(List.of(d("2"), d("0"), d("0")))).isEqualTo(d("0.67"));
        assertThat(GradingMethod.AVERAGE.over(List.of(d("0.01"), d("0.00")))).isEqualTo(d("0.01"));
        assertThat(GradingMethod.AVERAGE.over(List.of(d("66.67"), d("66.66")))).isEqualTo(d("66.67"));
        assertThat(GradingMethod.AVERAGE.over(List.of(d("-0.01"), d("0.00")))).isEqualTo(d("-0.01"));
    }

    @Test
    void theCountingValueHasTwoDecimalPlaces() {
        for (GradingMethod method : GradingMethod.values()) {
            assertThat(method.over(List.of(d("7")))).isEqualTo(d("7.00"));
        }
    }

    @ParameterizedTest
    @EnumSource(GradingMethod.class)
    void noAttemptsCountForNothing(GradingMethod method) {
        assertThat(method.over(List.of())).isNull();
        assertThat(method.over(null)).isNull();
    }

    @ParameterizedTest
    @EnumSource(GradingMethod.class)
    void valuesWithMoreThanTwoDecimalPlacesAreRefused(GradingMethod method) {
        assertThatThrownBy(() -> method.over(List.of(d("1.00"), d("1.005"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
