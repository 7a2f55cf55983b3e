package dev.coachos.finance.teaching;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.coachos.finance.money.Money;

/**
 * The day rules of teacher pay, as plain Java. A change (a new teacher, a student leaving or
 * joining a batch) happens on the day it was made in the institute's zone; the period it ends
 * stops the day before (a student who left on the 10th was active until the 9th) and the period
 * it opens starts that day. Nothing is held or counted before the batch starts.
 */
final class PayDays {

    /** The default staff roles of identity-service, for accounts registered before profileType was carried. */
    private static final Set<String> STAFF_ROLES = Set.of("DIRECTOR", "GENERAL_MANAGER", "ADMIN", "HR_MANAGER",
            "PAYROLL_MANAGER", "BUSINESS_ANALYST", "DIGITAL_MARKETING", "BACKOFFICE");

    private PayDays() {
    }

    /** The day of an instant in the institute's zone. */
    static LocalDate dayOf(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }

    /** The first day a period opened on {@code day} counts: that day, or the batch's start when later. */
    static LocalDate startOn(LocalDate day, LocalDate batchStart) {
        return batchStart != null && batchStart.isAfter(day) ? batchStart : day;
    }

    /**
     * The last day of a period from {@code from} ended by a change on {@code changeDay}: the day
     * before; empty when that is before the period's first day (it never held a day, and is removed).
     */
    static Optional<LocalDate> lastDayBefore(LocalDate from, LocalDate changeDay) {
        LocalDate last = changeDay.minusDays(1);
        return last.isBefore(from) ? Optional.empty() : Optional.of(last);
    }

    /**
     * Whether an account is paid by payroll, and as what: its profileType (TEACHER or STAFF) when the
     * event carries one; for older events without it, the role's name: TEACHER, or one of identity's
     * default staff roles (a custom role cannot be judged by its name, so it is left out until the
     * account is registered again). Students are never payees.
     */
    static Optional<String> payeeType(String profileType, String role) {
        if (profileType != null && !profileType.isBlank()) {
            String type = profileType.strip().toUpperCase(Locale.ROOT);
            return "TEACHER".equals(type) || "STAFF".equals(type) ? Optional.of(type) : Optional.empty();
        }
        if (role == null) {
            return Optional.empty();
        }
        String name = role.strip().toUpperCase(Locale.ROOT);
        if ("TEACHER".equals(name)) {
            return Optional.of("TEACHER");
        }
        return STAFF_ROLES.contains(name) ? Optional.of("STAFF") : Optional.empty();
    }

    /** Days from {@code from} to {@code to} (null: open) within {@code first}..{@code last}, as epoch days. */
    static Set<Long> days(LocalDate from, LocalDate to, LocalDate first, LocalDate last) {
        Set<Long> days = new HashSet<>();
        long start = Math.max(from.toEpochDay(), first.toEpochDay());
        long end = Math.min(to == null ? last.toEpochDay() : to.toEpochDay(), last.toEpochDay());
        for (long day = start; day <= end; day++) {
            days.add(day);
        }
        return days;
    }

    /**
     * A teacher's share of a batch's commission for a month. Each student active in the month earns
     * the commission once, shared between the teachers who held the batch on the student's active days
     * in proportion to those days: this teacher's share of a student is (the student's active days while
     * this teacher held the batch) / (the student's active days while anyone held it). The shares are
     * added as exact fractions, so the amount is rounded only once.
     *
     * @param students the students counted: those with at least one day under this teacher
     * @param shared   of those, the ones who also had active days under another teacher
     * @param numerator   the sum of the shares, as a fraction
     * @param denominator (never zero)
     */
    record CommissionShare(long students, long shared, BigInteger numerator, BigInteger denominator) {

        static final CommissionShare NONE = new CommissionShare(0, 0, BigInteger.ZERO, BigInteger.ONE);

        /** The commission times the shares, HALF_UP to the paisa. */
        BigDecimal amount(BigDecimal commission) {
            return commission.multiply(new BigDecimal(numerator))
                    .divide(new BigDecimal(denominator), Money.SCALE, RoundingMode.HALF_UP);
        }

        /**
         * The line's basis: "2 active students x 500.00" when no student was shared; otherwise the shares
         * added up (to 4 decimals, for reading only), such as "1.2857 of 2 active students (1 shared by
         * active days) x 500.00".
         */
        String basis(BigDecimal commission) {
            String active = students + (students == 1 ? " active student" : " active students");
            if (shared == 0) {
                return active + " x " + commission.toPlainString();
            }
            BigDecimal count = new BigDecimal(numerator).divide(new BigDecimal(denominator), 4, RoundingMode.HALF_UP);
            return count.toPlainString() + " of " + active + " (" + shared
                    + " shared by active days) x " + commission.toPlainString();
        }
    }

    /**
     * This teacher's {@link CommissionShare}, from the days they held the batch, the days anyone
     * (they included) held it, and each student's active days, all within the month and the batch's
     * dates. A student active on no day anyone held the batch earns no one anything.
     */
    static CommissionShare commissionShare(Set<Long> teacherDays, Set<Long> heldDays,
            Collection<Set<Long>> studentDays) {
        long students = 0;
        long shared = 0;
        BigInteger numerator = BigInteger.ZERO;
        BigInteger denominator = BigInteger.ONE;
        for (Set<Long> active : studentDays) {
            long mine = active.stream().filter(teacherDays::contains).count();
            if (mine == 0) {
                continue;
            }
            long all = active.stream().filter(heldDays::contains).count();
            students++;
            if (mine < all) {
                shared++;
            }
            // numerator/denominator + mine/all
            BigInteger d = BigInteger.valueOf(all);
            numerator = numerator.multiply(d).add(BigInteger.valueOf(mine).multiply(denominator));
            denominator = denominator.multiply(d);
            BigInteger gcd = numerator.gcd(denominator);
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
        return students == 0 ? CommissionShare.NONE : new CommissionShare(students, shared, numerator, denominator);
    }

    /**
     * Splits a batch's commission between the teachers who held it, by their {@link CommissionShare}s,
     * so that the parts add up to the whole rounded once (the commission times all the shares, HALF_UP
     * to the paisa): each teacher's exact part rounded down to the paisa, then the paise left over one
     * each to the largest remainders (equal remainders: in the map's order). Three teachers with a third
     * each of one student's 100.00 get 33.34, 33.33 and 33.33, not 33.33 three times. Each part is within
     * a paisa of its exact value.
     */
    static <K> Map<K, BigDecimal> split(Map<K, CommissionShare> shares, BigDecimal commission) {
        BigInteger numerator = BigInteger.ZERO;
        BigInteger denominator = BigInteger.ONE;
        for (CommissionShare share : shares.values()) {
            numerator = numerator.multiply(share.denominator()).add(share.numerator().multiply(denominator));
            denominator = denominator.multiply(share.denominator());
            BigInteger gcd = numerator.gcd(denominator);
            if (gcd.signum() > 0) {
                numerator = numerator.divide(gcd);
                denominator = denominator.divide(gcd);
            }
        }
        BigDecimal whole = commission.multiply(new BigDecimal(numerator))
                .divide(new BigDecimal(denominator), Money.SCALE, RoundingMode.HALF_UP);
        Map<K, BigDecimal> parts = new LinkedHashMap<>();
        Map<K, BigDecimal> remainders = new LinkedHashMap<>();
        BigDecimal floors = BigDecimal.ZERO.setScale(Money.SCALE);
        for (Map.Entry<K, CommissionShare> e : shares.entrySet()) {
            BigDecimal exact = commission.multiply(new BigDecimal(e.getValue().numerator()))
                    .divide(new BigDecimal(e.getValue().denominator()), 20, RoundingMode.HALF_UP);
            BigDecimal floor = exact.setScale(Money.SCALE, RoundingMode.FLOOR);
            parts.put(e.getKey(), floor);
            remainders.put(e.getKey(), exact.subtract(floor));
            floors = floors.add(floor);
        }
        int left = whole.subtract(floors).movePointRight(Money.SCALE).intValueExact();
        List<K> order = new ArrayList<>(remainders.keySet());
        order.sort(Comparator.comparing(remainders::get, Comparator.reverseOrder()));
        BigDecimal paisa = BigDecimal.ONE.movePointLeft(Money.SCALE);
        for (int i = 0; i < left && i < order.size(); i++) {
            parts.merge(order.get(i), paisa, BigDecimal::add);
        }
        return parts;
    }
}
