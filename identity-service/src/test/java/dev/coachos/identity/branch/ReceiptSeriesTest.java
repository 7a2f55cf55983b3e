package dev.coachos.identity.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ReceiptSeriesTest {

    @Test
    void aCodeWithThreeCharactersBeforeItsFirstDashGivesThoseThree() {
        assertThat(ReceiptSeries.derive("DEL-01", taken()).value()).isEqualTo("DEL");
        assertThat(ReceiptSeries.derive("pun-camp", taken()).value()).isEqualTo("PUN");
    }

    @Test
    void anyOtherCodeGivesItsFirstFourLettersAndDigitsUpperCased() {
        assertThat(ReceiptSeries.derive("Mumbai", taken()).value()).isEqualTo("MUMB");
        assertThat(ReceiptSeries.derive("SP-1a2b", taken()).value()).isEqualTo("SP1A");
        assertThat(ReceiptSeries.derive("A-B", taken()).value()).isEqualTo("AB");
        assertThat(ReceiptSeries.derive("---", taken()).value()).isEqualTo("BR");
    }

    @Test
    void aTakenSeriesEndsInTheFirstFreeNumberKeepingFourCharacters() {
        assertThat(ReceiptSeries.derive("DEL-02", taken("DEL")).value()).isEqualTo("DEL1");
        assertThat(ReceiptSeries.derive("DEL-03", taken("DEL", "DEL1", "DEL2")).value()).isEqualTo("DEL3");
        assertThat(ReceiptSeries.derive("MUMBAI", taken("MUMB")).value()).isEqualTo("MUM1");
        assertThat(ReceiptSeries.derive("AB", taken("AB")).value()).isEqualTo("AB1");
        assertThat(ReceiptSeries.derive("DEL-10", taken("DEL", "DEL1", "DEL2", "DEL3", "DEL4", "DEL5", "DEL6", "DEL7",
                "DEL8", "DEL9")).value()).isEqualTo("DE10");
    }

    @Test
    void aGivenSeriesIsUpperCasedAndOtherwiseTakenAsItIs() {
        assertThat(ReceiptSeries.parse(" pn1 ").value()).isEqualTo("PN1");
        assertThatThrownBy(() -> ReceiptSeries.parse("TOOLONG")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 4 letters or digits");
        assertThatThrownBy(() -> ReceiptSeries.parse("D-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReceiptSeries.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    private static java.util.function.Predicate<String> taken(String... series) {
        return Set.of(series)::contains;
    }
}
