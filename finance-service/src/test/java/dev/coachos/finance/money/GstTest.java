package dev.coachos.finance.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class GstTest {

    private static final boolean INTRA = true;
    private static final boolean INTER = false;
    private static final boolean INCLUSIVE = true;
    private static final boolean EXCLUSIVE = false;

    private static BigDecimal inr(String amount) {
        return new BigDecimal(amount);
    }

    private static Gst gst(String taxable, String cgst, String sgst, String igst, String total) {
        return new Gst(inr(taxable), inr(cgst), inr(sgst), inr(igst), inr(total));
    }

    @Test
    void sacCodeAndRatesAreThoseForCoaching() {
        assertThat(Gst.SAC_CODE).isEqualTo("999293");
        assertThat(Gst.RATE).isEqualTo(inr("0.18"));
        assertThat(Gst.HALF_RATE).isEqualTo(inr("0.09"));
    }

    @Test
    void tenThousandExclusiveIntraStateAddsNineHundredCgstAndNineHundredSgst() {
        Gst gst = Gst.of(inr("10000.00"), INTRA, EXCLUSIVE);
        assertThat(gst).isEqualTo(gst("10000.00", "900.00", "900.00", "0.00", "11800.00"));
        assertThat(gst.totalTax()).isEqualTo(inr("1800.00"));
    }

    @Test
    void tenThousandExclusiveInterStateAddsEighteenHundredIgst() {
        assertThat(Gst.of(inr("10000.00"), INTER, EXCLUSIVE))
                .isEqualTo(gst("10000.00", "0.00", "0.00", "1800.00", "11800.00"));
    }

    @Test
    void eighteenThousandFiveHundredInclusiveIntraStateGivesSgstThePaisaLeftByRounding() {
        // 18500 / 1.18 = 15677.966... -> 15677.97; tax = 2822.03; CGST = round(1411.0173) = 1411.02; SGST = 1411.01
        Gst gst = Gst.of(inr("18500.00"), INTRA, INCLUSIVE);
        assertThat(gst).isEqualTo(gst("15677.97", "1411.02", "1411.01", "0.00", "18500.00"));
        assertThat(gst.taxableValue().add(gst.totalTax())).isEqualTo(inr("18500.00"));
    }

    @Test
    void eighteenThousandFiveHundredInclusiveInterStateIsAllIgst() {
        assertThat(Gst.of(inr("18500.00"), INTER, INCLUSIVE))
                .isEqualTo(gst("15677.97", "0.00", "0.00", "2822.03", "18500.00"));
    }

    @Test
    void inclusiveAmountThatDividesEvenlyHasEqualHalves() {
        assertThat(Gst.of(inr("11800.00"), INTRA, INCLUSIVE))
                .isEqualTo(gst("10000.00", "900.00", "900.00", "0.00", "11800.00"));
    }

    @Test
    void cgstAndSgstAreEachRoundedFromTheTaxableValueNotByHalvingTheTotal() {
        // 9% of 105.50 = 9.495 -> 9.50 each, whereas 18% = 18.99 would halve to 9.495
        assertThat(Gst.of(inr("105.50"), INTRA, EXCLUSIVE))
                .isEqualTo(gst("105.50", "9.50", "9.50", "0.00", "124.50"));
        assertThat(Gst.of(inr("105.50"), INTER, EXCLUSIVE))
                .isEqualTo(gst("105.50", "0.00", "0.00", "18.99", "124.49"));
        assertThat(Gst.of(inr("0.50"), INTRA, EXCLUSIVE)).isEqualTo(gst("0.50", "0.05", "0.05", "0.00", "0.60"));
        assertThat(Gst.of(inr("0.50"), INTER, EXCLUSIVE)).isEqualTo(gst("0.50", "0.00", "0.00", "0.09", "0.59"));
    }

    @Test
    void onePaisaCarriesNoTax() {
        assertThat(Gst.of(inr("0.01"), INTRA, EXCLUSIVE)).isEqualTo(gst("0.01", "0.00", "0.00", "0.00", "0.01"));
        assertThat(Gst.of(inr("0.01"), INTER, EXCLUSIVE)).isEqualTo(gst("0.01", "0.00", "0.00", "0.00", "0.01"));
        assertThat(Gst.of(inr("0.01"), INTRA, INCLUSIVE)).isEqualTo(gst("0.01", "0.00", "0.00", "0.00", "0.01"));
        assertThat(Gst.of(inr("0.01"), INTER, INCLUSIVE)).isEqualTo(gst("0.01", "0.00", "0.00", "0.00", "0.01"));
    }

    @Test
    void oneRupeeExclusiveAndInclusive() {
        assertThat(Gst.of(inr("1.00"), INTRA, EXCLUSIVE)).isEqualTo(gst("1.00", "0.09", "0.09", "0.00", "1.18"));
        assertThat(Gst.of(inr("1.00"), INTER, EXCLUSIVE)).isEqualTo(gst("1.00", "0.00", "0.00", "0.18", "1.18"));
        // 1 / 1.18 = 0.847... -> 0.85; tax 0.15; CGST = round(0.0765) = 0.08; SGST = 0.07
        assertThat(Gst.of(inr("1.00"), INTRA, INCLUSIVE)).isEqualTo(gst("0.85", "0.08", "0.07", "0.00", "1.00"));
        assertThat(Gst.of(inr("1.00"), INTER, INCLUSIVE)).isEqualTo(gst("0.85", "0.00", "0.00", "0.15", "1.00"));
    }

    @Test
    void zeroIsAllZeroes() {
        Gst zero = gst("0.00", "0.00", "0.00", "0.00", "0.00");
        assertThat(Gst.of(inr("0"), INTRA, EXCLUSIVE)).isEqualTo(zero);
        assertThat(Gst.of(inr("0"), INTER, INCLUSIVE)).isEqualTo(zero);
    }

    @Test
    void everyValueIsScaleTwo() {
        Gst gst = Gst.of(inr("18500"), INTRA, INCLUSIVE);
        assertThat(gst.taxableValue().scale()).isEqualTo(2);
        assertThat(gst.cgst().scale()).isEqualTo(2);
        assertThat(gst.sgst().scale()).isEqualTo(2);
        assertThat(gst.igst().scale()).isEqualTo(2);
        assertThat(gst.total().scale()).isEqualTo(2);
    }

    @Test
    void inclusiveSplitAlwaysAddsUpExactlyAndKeepsTheHalvesWithinAPaisa() {
        for (long paise = 0; paise <= 50_000; paise++) {
            BigDecimal amount = Money.fromPaise(paise);
            Gst intra = Gst.of(amount, INTRA, INCLUSIVE);
            assertThat(intra.total()).isEqualTo(amount);
            assertThat(intra.taxableValue().add(intra.cgst()).add(intra.sgst())).isEqualTo(amount);
            assertThat(intra.sgst().signum()).as("SGST of %s", amount).isGreaterThanOrEqualTo(0);
            assertThat(intra.cgst().subtract(intra.sgst()).abs()).as("halves of %s", amount)
                    .isLessThanOrEqualTo(inr("0.01"));
            Gst inter = Gst.of(amount, INTER, INCLUSIVE);
            assertThat(inter.taxableValue()).isEqualTo(intra.taxableValue());
            assertThat(inter.igst()).isEqualTo(intra.totalTax());
        }
    }

    @Test
    void exclusiveTotalIsTaxablePlusSeparatelyRoundedTaxes() {
        for (long paise = 0; paise <= 20_000; paise++) {
            BigDecimal amount = Money.fromPaise(paise);
            Gst intra = Gst.of(amount, INTRA, EXCLUSIVE);
            BigDecimal half = amount.multiply(inr("0.09")).setScale(2, RoundingMode.HALF_UP);
            assertThat(intra.cgst()).isEqualTo(half);
            assertThat(intra.sgst()).isEqualTo(half);
            assertThat(intra.total()).isEqualTo(amount.add(half).add(half));
        }
    }

    @Test
    void negativeOrFractionalPaiseAmountsAreRejected() {
        assertThatThrownBy(() -> Gst.of(inr("-1.00"), INTRA, EXCLUSIVE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> Gst.of(inr("1.005"), INTRA, INCLUSIVE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fraction of a paisa");
    }

    @Test
    void aBreakdownThatDoesNotAddUpCannotBeBuilt() {
        assertThatThrownBy(() -> gst("100.00", "9.00", "9.00", "0.00", "118.01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not add up");
    }
}
