package dev.coachos.finance.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountInWordsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0              | Zero Rupees Only
            0.00           | Zero Rupees Only
            0.01           | One Paisa Only
            0.50           | Fifty Paise Only
            0.99           | Ninety Nine Paise Only
            1              | One Rupee Only
            1.01           | One Rupee and One Paisa Only
            2.10           | Two Rupees and Ten Paise Only
            19             | Nineteen Rupees Only
            21             | Twenty One Rupees Only
            40             | Forty Rupees Only
            100            | One Hundred Rupees Only
            101            | One Hundred One Rupees Only
            110            | One Hundred Ten Rupees Only
            999            | Nine Hundred Ninety Nine Rupees Only
            1000           | One Thousand Rupees Only
            1005           | One Thousand Five Rupees Only
            18500          | Eighteen Thousand Five Hundred Rupees Only
            99999          | Ninety Nine Thousand Nine Hundred Ninety Nine Rupees Only
            100000         | One Lakh Rupees Only
            200000         | Two Lakh Rupees Only
            1000000        | Ten Lakh Rupees Only
            1001000        | Ten Lakh One Thousand Rupees Only
            10000000       | One Crore Rupees Only
            110000000      | Eleven Crore Rupees Only
            1000000000     | One Hundred Crore Rupees Only
            10000000000    | One Thousand Crore Rupees Only
            10000000001.01 | One Thousand Crore One Rupees and One Paisa Only
            """)
    void writesIndianNumberingInWords(String amount, String words) {
        assertThat(AmountInWords.of(new BigDecimal(amount))).isEqualTo(words);
    }

    @Test
    void writesTwelveCroreAndFiftyPaiseAsOnTheReceiptExample() {
        assertThat(AmountInWords.of(new BigDecimal("123456789.50"))).isEqualTo("Twelve Crore Thirty Four Lakh Fifty Six"
                + " Thousand Seven Hundred Eighty Nine Rupees and Fifty Paise Only");
    }

    @Test
    void writesOneCroreTwentyThreeLakh() {
        assertThat(AmountInWords.of(new BigDecimal("12345678.50"))).isEqualTo("One Crore Twenty Three Lakh Forty Five"
                + " Thousand Six Hundred Seventy Eight Rupees and Fifty Paise Only");
    }

    @Test
    void writesTheLargestAllowedAmount() {
        assertThat(AmountInWords.of(new BigDecimal("99999999999.99"))).isEqualTo("Nine Thousand Nine Hundred Ninety"
                + " Nine Crore Ninety Nine Lakh Ninety Nine Thousand Nine Hundred Ninety Nine Rupees and Ninety Nine"
                + " Paise Only");
        assertThat(AmountInWords.MAX).isEqualTo(new BigDecimal("99999999999.99"));
    }

    @Test
    void rejectsAnythingAboveTheLargestAllowedAmount() {
        assertThatThrownBy(() -> AmountInWords.of(new BigDecimal("100000000000.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("above 99999999999.99");
    }

    @Test
    void rejectsNegativeAmounts() {
        assertThatThrownBy(() -> AmountInWords.of(new BigDecimal("-1.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }

    @Test
    void rejectsAFractionOfAPaisa() {
        assertThatThrownBy(() -> AmountInWords.of(new BigDecimal("1.005")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fraction of a paisa");
    }
}
