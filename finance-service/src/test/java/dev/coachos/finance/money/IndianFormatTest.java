package dev.coachos.finance.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndianFormatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0               | 0.00
            0.5             | 0.50
            7               | 7.00
            12              | 12.00
            999             | 999.00
            1000            | 1,000.00
            9999.99         | 9,999.99
            10000           | 10,000.00
            99999           | 99,999.00
            100000          | 1,00,000.00
            1000000         | 10,00,000.00
            10000000        | 1,00,00,000.00
            123456789.5     | 12,34,56,789.50
            1234567890      | 1,23,45,67,890.00
            1234567890123   | 12,34,56,78,90,123.00
            -0.01           | -0.01
            -999            | -999.00
            -1234.5         | -1,234.50
            -100000         | -1,00,000.00
            """)
    void groupsThreeDigitsThenTwosWithTwoDecimals(String amount, String formatted) {
        assertThat(IndianFormat.format(new BigDecimal(amount))).isEqualTo(formatted);
    }

    @Test
    void rupeesPutsTheRupeeSignInFront() {
        assertThat(IndianFormat.rupees(new BigDecimal("123456789.5"))).isEqualTo("₹12,34,56,789.50");
        assertThat(IndianFormat.rupees(new BigDecimal("0"))).isEqualTo("₹0.00");
        assertThat(IndianFormat.RUPEE_SIGN).isEqualTo("\u20B9");
    }

    @Test
    void negativeRupeesPutTheMinusBeforeTheSign() {
        assertThat(IndianFormat.rupees(new BigDecimal("-500"))).isEqualTo("-₹500.00");
        assertThat(IndianFormat.rupees(new BigDecimal("-1234567.89"))).isEqualTo("-₹12,34,567.89");
    }

    @Test
    void trailingZeroesAndExponentsAreFormattedAsPlainAmounts() {
        assertThat(IndianFormat.format(new BigDecimal("1E+5"))).isEqualTo("1,00,000.00");
        assertThat(IndianFormat.format(new BigDecimal("1500.5000"))).isEqualTo("1,500.50");
    }

    @Test
    void refusesToRoundAFractionOfAPaisaSilently() {
        assertThatThrownBy(() -> IndianFormat.format(new BigDecimal("1000.005")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fraction of a paisa");
    }
}
