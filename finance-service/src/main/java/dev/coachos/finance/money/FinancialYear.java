package dev.coachos.finance.money;

import java.time.LocalDate;
import java.time.Month;
import java.util.Objects;

/**
 * An Indian financial year, 1 April to 31 March, named by the calendar year it starts in. The year starting on
 * 1 April 2026 ends on 31 March 2027 and is labelled "26-27".
 *
 * @param startYear the calendar year of 1 April
 */
public record FinancialYear(int startYear) {

    /** Checks that the year is a four-digit year with room for its end. */
    public FinancialYear {
        if (startYear < 1000 || startYear > 9998) {
            throw new IllegalArgumentException("financial year must start in a year from 1000 to 9998, got "
                    + startYear);
        }
    }

    /** Returns the financial year that contains the date. */
    public static FinancialYear of(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return new FinancialYear(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
    }

    /** The short label used in receipt numbers, two digits of each year: "26-27". */
    public String label() {
        return String.format("%02d-%02d", startYear % 100, (startYear + 1) % 100);
    }

    /** The first day, 1 April of the start year. */
    public LocalDate start() {
        return LocalDate.of(startYear, Month.APRIL, 1);
    }

    /** The last day, 31 March of the following year. */
    public LocalDate end() {
        return LocalDate.of(startYear + 1, Month.MARCH, 31);
    }

    /** Whether the date falls within this financial year, both ends included. */
    public boolean contains(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    /** The financial year after this one. */
    public FinancialYear next() {
        return new FinancialYear(startYear + 1);
    }
}
