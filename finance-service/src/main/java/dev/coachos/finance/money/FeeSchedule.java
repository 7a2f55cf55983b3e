package dev.coachos.finance.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The installments a fee plan starts with, made from an enrollment's net fee and its frequency,
 * so that nobody types them:
 * <ul>
 * <li>ONE_TIME: one installment of the whole net fee, due on the day of enrollment;</li>
 * <li>MONTHLY: the net fee is the monthly fee; one installment a month from the later of the
 * batch's start and the enrollment (a student who joins late does not owe the months before), to
 * the batch's end, or for a set number of months when the batch has no end. Each is due on the
 * day of the month the first one is (the month's last day in a shorter month).</li>
 * </ul>
 * And a re-split of an unpaid balance into parts with their own due dates, which must add up to
 * the balance to the paisa.
 */
public final class FeeSchedule {

    /** How a batch charges: once, or every month. */
    public enum Frequency {
        ONE_TIME, MONTHLY
    }

    /** One installment: its number from 1, when it is due, how much. */
    public record Installment(int number, LocalDate dueDate, BigDecimal amount) {

        public Installment {
            Objects.requireNonNull(dueDate, "dueDate");
            amount = Money.requireNonNegative(amount, "amount");
            if (number < 1) {
                throw new IllegalArgumentException("an installment's number starts at 1, got " + number);
            }
        }
    }

    /** The most months a plan runs (a MONTHLY batch of five years). */
    public static final int MAX_MONTHS = 60;

    private FeeSchedule() {
    }

    /**
     * The installments of a new plan.
     *
     * @param monthsWithoutEnd how many months a MONTHLY plan runs when the batch has no end (1 to {@link #MAX_MONTHS})
     * @throws IllegalArgumentException for a negative fee, a batch that ends before the enrollment's first
     *                                  month, or a plan longer than {@link #MAX_MONTHS} months
     */
    public static List<Installment> plan(BigDecimal netFee, Frequency frequency, LocalDate enrolledOn,
            LocalDate batchStart, LocalDate batchEnd, int monthsWithoutEnd) {
        BigDecimal fee = Money.requireNonNegative(netFee, "net fee");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(enrolledOn, "enrolledOn");
        Objects.requireNonNull(batchStart, "batchStart");
        if (frequency == Frequency.ONE_TIME) {
            return List.of(new Installment(1, enrolledOn, fee));
        }
        LocalDate first = batchStart.isAfter(enrolledOn) ? batchStart : enrolledOn;
        int months;
        if (batchEnd == null) {
            if (monthsWithoutEnd < 1 || monthsWithoutEnd > MAX_MONTHS) {
                throw new IllegalArgumentException("a plan without an end runs 1 to " + MAX_MONTHS + " months, not "
                        + monthsWithoutEnd);
            }
            months = monthsWithoutEnd;
        } else {
            if (batchEnd.isBefore(first)) {
                throw new IllegalArgumentException("the batch ends on " + batchEnd + ", before the plan's first month ("
                        + first + ")");
            }
            long between = YearMonth.from(first).until(YearMonth.from(batchEnd), java.time.temporal.ChronoUnit.MONTHS);
            if (between + 1 > MAX_MONTHS) {
                throw new IllegalArgumentException("the batch runs " + (between + 1) + " months, more than the "
                        + MAX_MONTHS + " a plan has");
            }
            months = (int) between + 1;
        }
        return monthly(fee, first, months);
    }

    /** {@code months} installments of {@code amount}, the first on {@code first}, then a month apart. */
    static List<Installment> monthly(BigDecimal amount, LocalDate first, int months) {
        List<Installment> installments = new ArrayList<>(months);
        for (int i = 0; i < months; i++) {
            installments.add(new Installment(i + 1, monthAfter(first, i), amount));
        }
        return installments;
    }

    /**
     * An unpaid balance split evenly into {@code parts} installments a month apart from {@code firstDue}
     * (each part rounded down to the paisa, the remainder on the last).
     */
    public static List<Installment> evenly(BigDecimal unpaid, int parts, LocalDate firstDue) {
        Objects.requireNonNull(firstDue, "firstDue");
        List<BigDecimal> amounts = InstallmentSplit.split(Money.requireNonNegative(unpaid, "unpaid balance"), parts);
        List<Installment> installments = new ArrayList<>(parts);
        for (int i = 0; i < amounts.size(); i++) {
            installments.add(new Installment(i + 1, monthAfter(firstDue, i), amounts.get(i)));
        }
        return installments;
    }

    /** A part of a re-split balance: when it is due and how much. */
    public record Part(LocalDate dueDate, BigDecimal amount) {
    }

    /**
     * An unpaid balance re-split into parts chosen by back office: at least one, each more than
     * zero, due dates strictly in order, adding up to the balance to the paisa.
     *
     * @throws IllegalArgumentException saying which rule the parts break (and by how much, for the sum)
     */
    public static List<Installment> resplit(BigDecimal unpaid, List<Part> parts) {
        BigDecimal balance = Money.requireNonNegative(unpaid, "unpaid balance");
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("a re-split needs at least one part");
        }
        List<Installment> installments = new ArrayList<>(parts.size());
        LocalDate previous = null;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            Objects.requireNonNull(part.dueDate(), "part " + (i + 1) + "'s due date");
            BigDecimal amount = Money.requireExact(part.amount(), "part " + (i + 1) + "'s amount");
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("part " + (i + 1) + " must be more than 0.00, got "
                        + amount.toPlainString());
            }
            if (previous != null && !part.dueDate().isAfter(previous)) {
                throw new IllegalArgumentException("part " + (i + 1) + " is due on " + part.dueDate()
                        + ", not after the part before it (" + previous + ")");
            }
            previous = part.dueDate();
            installments.add(new Installment(i + 1, part.dueDate(), amount));
        }
        InstallmentSplit.explicit(balance, installments.stream().map(Installment::amount).toList());
        return installments;
    }

    /** The same day of the month {@code months} later, or that month's last day when it is shorter. */
    static LocalDate monthAfter(LocalDate first, int months) {
        return first.plusMonths(months); // plusMonths keeps the day, or takes the month's last day
    }
}
