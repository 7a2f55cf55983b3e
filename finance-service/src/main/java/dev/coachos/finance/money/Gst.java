package dev.coachos.finance.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * GST on a coaching fee: SAC 999293 (commercial training and coaching services) at 18%. An intra-state supply
 * carries CGST 9% and SGST 9%; an inter-state supply carries IGST 18%. Unused heads are 0.00, never null.
 *
 * <p>When the amount excludes tax, it is the taxable value, and each tax head is computed from it and rounded on its
 * own: CGST = round(taxable × 9%), SGST = round(taxable × 9%), IGST = round(taxable × 18%). CGST and SGST are never
 * found by halving a rounded total. The total is taxable value plus the taxes.
 *
 * <p>When the amount includes tax (an all-inclusive fee), the total is the amount itself. The taxable value is
 * round(amount ÷ 1.18), and the tax is what remains, amount − taxable, so that taxable value plus taxes equals the
 * amount exactly. Intra-state, CGST = round(taxable × 9%) and SGST = amount − taxable − CGST, so SGST absorbs the
 * paisa that rounding moves. Inter-state, IGST = amount − taxable. For example 18,500.00 intra-state gives taxable
 * value 15,677.97, CGST 1,411.02 and SGST 1,411.01.
 *
 * @param taxableValue the value of the service before tax
 * @param cgst central tax, 0.00 on an inter-state supply
 * @param sgst state tax, 0.00 on an inter-state supply
 * @param igst integrated tax, 0.00 on an intra-state supply
 * @param total taxable value plus all taxes
 */
public record Gst(BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst, BigDecimal igst, BigDecimal total) {

    /** Services Accounting Code for commercial training and coaching services. */
    public static final String SAC_CODE = "999293";

    /** The GST rate on coaching: 18%. */
    public static final BigDecimal RATE = new BigDecimal("0.18");

    /** Each of CGST and SGST: 9%. */
    public static final BigDecimal HALF_RATE = new BigDecimal("0.09");

    private static final BigDecimal ONE_PLUS_RATE = BigDecimal.ONE.add(RATE);

    /** Checks that every value is present, at scale 2, and that the parts add up to the total. */
    public Gst {
        Objects.requireNonNull(taxableValue, "taxableValue");
        Objects.requireNonNull(cgst, "cgst");
        Objects.requireNonNull(sgst, "sgst");
        Objects.requireNonNull(igst, "igst");
        Objects.requireNonNull(total, "total");
        taxableValue = Money.requireExact(taxableValue, "taxableValue");
        cgst = Money.requireExact(cgst, "cgst");
        sgst = Money.requireExact(sgst, "sgst");
        igst = Money.requireExact(igst, "igst");
        total = Money.requireExact(total, "total");
        if (taxableValue.add(cgst).add(sgst).add(igst).compareTo(total) != 0) {
            throw new IllegalArgumentException("taxable value and taxes do not add up to the total " + total);
        }
    }

    /**
     * Computes the GST on an amount by the rules in the class description.
     *
     * @param amount the fee, whole paise, not negative
     * @param intraState true when supplier and place of supply are in the same state (CGST + SGST), false for IGST
     * @param amountIncludesTax true when the amount is all-inclusive, false when tax is to be added on top
     * @throws IllegalArgumentException when the amount is negative or holds a fraction of a paisa
     */
    public static Gst of(BigDecimal amount, boolean intraState, boolean amountIncludesTax) {
        BigDecimal exact = Money.requireNonNegative(amount, "amount");
        if (amountIncludesTax) {
            // One HALF_UP rounding straight to the paisa, never through an intermediate scale.
            BigDecimal taxable = exact.divide(ONE_PLUS_RATE, Money.SCALE, Money.ROUNDING);
            BigDecimal tax = exact.subtract(taxable);
            if (intraState) {
                BigDecimal cgst = Money.of(taxable.multiply(HALF_RATE));
                return new Gst(taxable, cgst, tax.subtract(cgst), Money.ZERO, exact);
            }
            return new Gst(taxable, Money.ZERO, Money.ZERO, tax, exact);
        }
        if (intraState) {
            BigDecimal cgst = Money.of(exact.multiply(HALF_RATE));
            BigDecimal sgst = Money.of(exact.multiply(HALF_RATE));
            return new Gst(exact, cgst, sgst, Money.ZERO, exact.add(cgst).add(sgst));
        }
        BigDecimal igst = Money.of(exact.multiply(RATE));
        return new Gst(exact, Money.ZERO, Money.ZERO, igst, exact.add(igst));
    }

    /** The sum of all tax heads. */
    public BigDecimal totalTax() {
        return cgst.add(sgst).add(igst);
    }
}
