package dev.coachos.finance.teaching;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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
}
