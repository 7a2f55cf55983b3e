package dev.coachos.communication.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RupeesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0            | ₹0.00
            5            | ₹5.00
            999.5        | ₹999.50
            5000.00      | ₹5,000.00
            18500.00     | ₹18,500.00
            123456.00    | ₹1,23,456.00
            1000000      | ₹10,00,000.00
            123456789.05 | ₹12,34,56,789.05
            -500.00      | -₹500.00
            -123456.7    | -₹1,23,456.70
            """)
    void groupsTheLastThreeDigitsThenPairsWithTwoDecimals(String amount, String written) {
        assertThat(Rupees.of(amount)).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "five thousand", "5,000.00", "10.005", "1e"})
    void refusesWhatIsNoAmountOfRupeesAndPaise(String amount) {
        assertThatIllegalArgumentException().isThrownBy(() -> Rupees.of(amount));
    }

    @ParameterizedTest
    @CsvSource({"0.00, true", "0, true", "-1.00, true", "0.01, false", "13500.00, false"})
    void nothingIsOwedAtZeroOrBelow(String amount, boolean nothing) {
        assertThat(Rupees.isNothing(amount)).isEqualTo(nothing);
    }
}
