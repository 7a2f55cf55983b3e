package dev.coachos.platform.india;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GstinTest {

    @ParameterizedTest
    @ValueSource(strings = {"27AAPFU0939F1ZV", "29AAGCB7383J1Z4", "33AAACH7409R1Z8", "24AAACC1206D1ZM"})
    void wellFormedNumbersWhoseCheckCharacterAddsUpAreTaken(String value) {
        assertThat(new Gstin(value).value()).isEqualTo(value);
    }

    @Test
    void theCheckCharacterIsComputedInBaseThirtySixOverTheFirstFourteen() {
        // 27AAPFU0939F1Z: values 2,7,10,10,25,15,30,0,9,3,9,15,1,35 times 1,2,1,2,...; the base-36
        // digit sums of the products total 221; (36 - 221 mod 36) mod 36 = 31, which is V.
        assertThat(Gstin.checkCharacter("27AAPFU0939F1Z")).isEqualTo('V');
        assertThat(Gstin.checkCharacter("29AAGCB7383J1Z")).isEqualTo('4');
    }

    @Test
    void aNumberTypedLooselyIsReadAndGivesItsStateAndPan() {
        Gstin gstin = Gstin.parse("  27aapfu0939f1zv ");
        assertThat(gstin.value()).isEqualTo("27AAPFU0939F1ZV");
        assertThat(gstin.stateCode()).isEqualTo("27");
        assertThat(gstin.pan()).isEqualTo("AAPFU0939F");
    }

    @ParameterizedTest
    @ValueSource(strings = {"27AAPFU0939F1ZW", "27AAPFU0939F1Z5", "29AAGCB7383J1Z5"})
    void aWrongCheckCharacterIsRefusedNamingTheRightOne(String value) {
        assertThatThrownBy(() -> new Gstin(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not add up").hasMessageContaining("should be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "27AAPFU0939F1Z", "27AAPFU0939F1ZVV", "27AAPF00939F1ZV", "27AAPFU0939F0ZV",
            "27AAPFU0939F1YV", "2AAAPFU0939F1ZV"})
    void aMalformedNumberIsRefused(String value) {
        assertThatThrownBy(() -> new Gstin(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a GSTIN is 15 characters");
        assertThatThrownBy(() -> new Gstin(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStateCodeOfNoStateIsRefused() {
        String first14 = "40AAPFU0939F1Z";
        assertThatThrownBy(() -> new Gstin(first14 + Gstin.checkCharacter(first14)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no state");
        String centre = "99AAPFU0939F1Z";
        assertThat(new Gstin(centre + Gstin.checkCharacter(centre)).stateCode()).isEqualTo("99");
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "07", "09", "10", "27", "29", "30", "38", "97", "99"})
    void theStateCodesAreZeroOneToThirtyEightNinetySevenAndNinetyNine(String code) {
        assertThat(Gstin.isStateCode(code)).isTrue();
    }

    // Digits of other scripts (here Arabic-Indic two and seven) are not the ASCII digits a code is written in.
    @ParameterizedTest
    @ValueSource(strings = {"00", "39", "40", "96", "98", "", "7", "007", "270", "AB", "2A", " 27", "27 ", "+7", "-1",
            "\u0662\u0667"})
    void anythingElseIsNoStateCode(String text) {
        assertThat(Gstin.isStateCode(text)).isFalse();
        assertThat(Gstin.isStateCode(null)).isFalse();
    }
}
