package dev.coachos.finance.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a fee into installments that add up to the fee to the paisa. Every part but the last is rounded down to
 * the paisa, and whatever is left over goes on the last part, so the student pays the odd paise at the end and the
 * sum never drifts. Explicit schedules typed by staff are checked to add up exactly.
 */
public final class InstallmentSplit {

    private InstallmentSplit() {
    }

    /**
     * Splits the total into the given number of equal parts. For example 10000.00 in 3 parts gives 3333.33, 3333.33
     * and 3333.34.
     *
     * @throws IllegalArgumentException when the total is negative or holds a fraction of a paisa, or parts is below 1
     */
    public static List<BigDecimal> split(BigDecimal total, int parts) {
        BigDecimal exact = Money.requireNonNegative(total, "total");
        if (parts < 1) {
            throw new IllegalArgumentException("number of installments must be at least 1, got " + parts);
        }
        long paise = Money.toPaise(exact);
        long each = paise / parts;
        List<BigDecimal> result = new ArrayList<>(parts);
        for (int i = 0; i < parts - 1; i++) {
            result.add(Money.fromPaise(each));
        }
        result.add(Money.fromPaise(paise - each * (parts - 1)));
        return List.copyOf(result);
    }

    /**
     * Splits the total in proportion to the weights, for example 40, 30 and 30 for a 40/30/30 plan. Each part but
     * the last is the total times its share, rounded down to the paisa; the last part takes the rest.
     *
     * @throws IllegalArgumentException when the total is negative or not whole paise, the list is empty, a weight is
     *     negative, or all weights are zero
     */
    public static List<BigDecimal> split(BigDecimal total, List<BigDecimal> weights) {
        BigDecimal exact = Money.requireNonNegative(total, "total");
        Objects.requireNonNull(weights, "weights");
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("at least one weight is required");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal weight : weights) {
            Objects.requireNonNull(weight, "weight");
            if (weight.signum() < 0) {
                throw new IllegalArgumentException("weights must not be negative, got " + weight.toPlainString());
            }
            sum = sum.add(weight);
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        BigDecimal paise = BigDecimal.valueOf(Money.toPaise(exact));
        List<BigDecimal> result = new ArrayList<>(weights.size());
        long allocated = 0;
        for (int i = 0; i < weights.size() - 1; i++) {
            long part = paise.multiply(weights.get(i)).divide(sum, 0, RoundingMode.DOWN).longValueExact();
            allocated += part;
            result.add(Money.fromPaise(part));
        }
        result.add(Money.fromPaise(paise.longValueExact() - allocated));
        return List.copyOf(result);
    }

    /**
     * Checks a schedule of explicit amounts against the total and returns the amounts at scale 2.
     *
     * @throws IllegalArgumentException when an amount is negative or not whole paise, the list is empty, or the
     *     amounts do not add up exactly to the total (the message gives the difference)
     */
    public static List<BigDecimal> explicit(BigDecimal total, List<BigDecimal> amounts) {
        BigDecimal exact = Money.requireNonNegative(total, "total");
        Objects.requireNonNull(amounts, "amounts");
        if (amounts.isEmpty()) {
            throw new IllegalArgumentException("at least one installment is required");
        }
        List<BigDecimal> result = new ArrayList<>(amounts.size());
        BigDecimal sum = Money.ZERO;
        for (int i = 0; i < amounts.size(); i++) {
            BigDecimal amount = Money.requireNonNegative(amounts.get(i), "installment " + (i + 1));
            result.add(amount);
            sum = sum.add(amount);
        }
        int comparison = sum.compareTo(exact);
        if (comparison != 0) {
            BigDecimal difference = sum.subtract(exact).abs();
            throw new IllegalArgumentException("installments add up to " + sum.toPlainString() + ", which is "
                    + difference.toPlainString() + (comparison > 0 ? " more" : " less") + " than the total "
                    + exact.toPlainString());
        }
        return List.copyOf(result);
    }
}
