package dev.coachos.assessment.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.coachos.assessment.grading.ShortAnswerKey.NumberKey;
import dev.coachos.assessment.grading.ShortAnswerKey.TextKey;

/** A short-answer key refuses settings it could not apply, and matches nothing when nothing was typed. */
class ShortAnswerKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\t\u00a0"})
    void aTextKeyNeedsAPattern(String pattern) {
        assertThatThrownBy(() -> new TextKey(pattern, false, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pattern");
        assertThatThrownBy(() -> new TextKey(null, false, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pattern");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101, 1000})
    void creditOutsideOneToAHundredIsRefused(int credit) {
        assertThatThrownBy(() -> new TextKey("x", false, credit))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> new NumberKey(BigDecimal.ONE, BigDecimal.ZERO, credit))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 100");
    }

    @Test
    void creditFromOneToAHundredIsAccepted() {
        assertThat(new TextKey("x", false, 1).creditPercent()).isEqualTo(1);
        assertThat(new NumberKey(BigDecimal.ONE, BigDecimal.ZERO, 100).creditPercent()).isEqualTo(100);
    }

    @Test
    void aNumberKeysToleranceMayNotBeNegative() {
        assertThatThrownBy(() -> new NumberKey(BigDecimal.ONE, new BigDecimal("-0.01"), 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> new NumberKey(BigDecimal.ONE, null, 100)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new NumberKey(null, BigDecimal.ZERO, 100)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void nothingTypedMatchesNoKey() {
        assertThat(new TextKey("*", false, 100).matches(null)).isFalse();
        assertThat(new TextKey("*", false, 100).matches("   ")).isFalse();
        assertThat(new NumberKey(BigDecimal.ZERO, BigDecimal.TEN, 100).matches(null)).isFalse();
        assertThat(new NumberKey(BigDecimal.ZERO, BigDecimal.TEN, 100).matches(" ")).isFalse();
    }

    @Test
    void aLongAnswerAgainstManyStarsIsDecidedQuickly() {
        String answer = "a".repeat(20_000);
        TextKey key = new TextKey("*a*a*a*a*a*a*a*a*b", false, 100);

        long started = System.nanoTime();
        assertThat(key.matches(answer)).isFalse();
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    }
}
