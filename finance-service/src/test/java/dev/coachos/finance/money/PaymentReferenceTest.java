package dev.coachos.finance.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachos.finance.money.PaymentReference.Method;
import org.junit.jupiter.api.Test;

class PaymentReferenceTest {

    @Test
    void upiUtrIsTwelveDigits() {
        PaymentReference reference = PaymentReference.of(Method.UPI, "412345678901");
        assertThat(reference.method()).isEqualTo(Method.UPI);
        assertThat(reference.value()).isEqualTo("412345678901");
    }

    @Test
    void upiUtrWithSpacesIsNormalised() {
        assertThat(PaymentReference.of(Method.UPI, " 4123 4567\t8901 ").value()).isEqualTo("412345678901");
    }

    @Test
    void upiUtrOfElevenDigitsIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> PaymentReference.of(Method.UPI, "41234567890"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UPI reference (UTR) must be exactly 12 digits, got '41234567890' (11 characters)");
    }

    @Test
    void upiUtrWithALetterIsRejected() {
        assertThatThrownBy(() -> PaymentReference.of(Method.UPI, "41234567890a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UPI reference (UTR) must be exactly 12 digits, got '41234567890A' (12 characters)");
    }

    @Test
    void impsReferenceIsTwelveDigits() {
        assertThat(PaymentReference.of(Method.IMPS, "602512345678").value()).isEqualTo("602512345678");
        assertThatThrownBy(() -> PaymentReference.of(Method.IMPS, "6025123456789"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IMPS reference must be exactly 12 digits, got '6025123456789' (13 characters)");
    }

    @Test
    void neftUtrIsSixteenLettersOrDigitsUpperCased() {
        assertThat(PaymentReference.of(Method.NEFT, "sbin126123456789").value()).isEqualTo("SBIN126123456789");
        assertThatThrownBy(() -> PaymentReference.of(Method.NEFT, "SBIN12612345678"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NEFT UTR must be exactly 16 letters or digits, got 'SBIN12612345678' (15 characters)");
        assertThatThrownBy(() -> PaymentReference.of(Method.NEFT, "SBIN-26123456789"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("NEFT UTR must be exactly 16 letters or digits");
    }

    @Test
    void rtgsUtrIsTwentyTwoLettersOrDigits() {
        assertThat(PaymentReference.of(Method.RTGS, "SBINR5 2026 1202 0000 0042").value())
                .isEqualTo("SBINR52026120200000042");
        assertThatThrownBy(() -> PaymentReference.of(Method.RTGS, "SBINR5202612020000004"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RTGS UTR must be exactly 22 letters or digits,"
                        + " got 'SBINR5202612020000004' (21 characters)");
    }

    @Test
    void aMissingReferenceIsRequired() {
        assertThatThrownBy(() -> PaymentReference.of(Method.UPI, "  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UPI reference (UTR) is required");
        assertThatThrownBy(() -> PaymentReference.of(Method.RTGS, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RTGS UTR is required");
    }

    @Test
    void normaliseStripsAllWhiteSpaceAndUpperCases() {
        assertThat(PaymentReference.normalise(" ab c\t1\n ")).isEqualTo("ABC1");
        assertThat(PaymentReference.normalise("4123\u00A04567\u20028901")).isEqualTo("412345678901");
        assertThat(PaymentReference.normalise("istanbul")).isEqualTo("ISTANBUL");
    }

    @Test
    void theConstructorChecksWithoutNormalising() {
        assertThatThrownBy(() -> new PaymentReference(Method.NEFT, "sbin126123456789"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentReference(Method.UPI, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UPI reference (UTR) must be exactly 12 digits, got nothing");
    }

    @Test
    void nonAsciiDigitsAreNotAcceptedAsAUtr() {
        assertThatThrownBy(() -> PaymentReference.of(Method.UPI, "४१२३४५६७८९०१"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
