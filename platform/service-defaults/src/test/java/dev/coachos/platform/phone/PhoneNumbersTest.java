package dev.coachos.platform.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"9810000001", "98100 00001", "+91 98100 00001", "+91-98100-00001", "098100 00001",
            "(+91) 9810000001", " 919810000001 "})
    void oneIndianMobileHoweverItIsTyped(String typed) {
        assertThat(PhoneNumbers.normalise(typed)).isEqualTo("+919810000001");
    }

    @Test
    void aLandlineWithItsStdCodeAndANumberOfAnotherCountry() {
        assertThat(PhoneNumbers.normalise("011 2345 6789")).isEqualTo("+911123456789");
        assertThat(PhoneNumbers.normalise("+1 650 253 0000")).isEqualTo("+16502530000");
        assertThat(PhoneNumbers.normalise("650 253 0000", "US")).isEqualTo("+16502530000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "98100", "abcdefghij", "+91 12345 67890 12"})
    void whatIsNoValidNumberIsRefusedSayingWhy(String typed) {
        assertThatThrownBy(() -> PhoneNumbers.normalise(typed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(typed.strip());
    }

    @Test
    void emptyAndOverlongAreRefused() {
        assertThatThrownBy(() -> PhoneNumbers.normalise(" ")).hasMessage("a phone number is required");
        assertThatThrownBy(() -> PhoneNumbers.normalise(null)).hasMessage("a phone number is required");
        assertThatThrownBy(() -> PhoneNumbers.normalise("9".repeat(41))).hasMessageContaining("at most 40");
    }

    @Test
    void regionCodesAreKnownOrNot() {
        assertThat(PhoneNumbers.isSupportedRegion("IN")).isTrue();
        assertThat(PhoneNumbers.isSupportedRegion("US")).isTrue();
        assertThat(PhoneNumbers.isSupportedRegion("XX")).isFalse();
        assertThat(PhoneNumbers.isSupportedRegion("in")).isFalse();
        assertThat(PhoneNumbers.isSupportedRegion(null)).isFalse();
    }
}
