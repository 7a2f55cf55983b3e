package dev.coachos.finance.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import dev.coachos.platform.data.Where;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;

/**
 * The parameters every report shares, checked the same way everywhere: days (yyyy-MM-dd) and months
 * (yyyy-MM) in the institute's zone, ranges in order and not too long (a 400 naming the parameter), and
 * the branches a caller's report covers.
 */
final class ReportParams {

    /** The longest range of days a report or drill-down covers. */
    static final int MAX_DAYS = 366;
    /** The longest range of months. */
    static final int MAX_MONTHS = 24;

    private ReportParams() {
    }

    /** Days from and to, both included. */
    record Days(LocalDate from, LocalDate to) {

        long length() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }
    }

    /** Months from and to, both included. */
    record Months(YearMonth from, YearMonth to) {
    }

    static LocalDate day(String text, String name) {
        if (text == null || text.isBlank()) {
            throw Problems.invalidField(name, "is required (a day such as 2026-11-30)");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField(name, "must be a day such as 2026-11-30");
        }
    }

    static YearMonth month(String text, String name) {
        if (text == null || text.isBlank()) {
            throw Problems.invalidField(name, "is required (a month such as 2026-11)");
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField(name, "must be a month such as 2026-11");
        }
    }

    static Days days(String from, String to) {
        Days days = new Days(day(from, "from"), day(to, "to"));
        if (days.to().isBefore(days.from())) {
            throw Problems.invalidField("to", "must not be before from (" + days.from() + ")");
        }
        if (days.length() > MAX_DAYS) {
            throw Problems.invalidField("to", "the range may cover at most " + MAX_DAYS + " days");
        }
        return days;
    }

    static Months months(String from, String to) {
        Months months = new Months(month(from, "from"), month(to, "to"));
        if (months.to().isBefore(months.from())) {
            throw Problems.invalidField("to", "must not be before from (" + months.from() + ")");
        }
        if (ChronoUnit.MONTHS.between(months.from(), months.to()) + 1 > MAX_MONTHS) {
            throw Problems.invalidField("to", "the range may cover at most " + MAX_MONTHS + " months");
        }
        return months;
    }

    static void requireReports(Caller caller) {
        if (!caller.can("read:reports")) {
            throw Problems.forbidden("Reports need read:reports");
        }
    }

    /**
     * The drill-downs that list each person's pay (salary slips, a batch's slip lines) need read:payroll
     * (or manage:payroll, which includes it) besides read:reports: a person's salary is private to them
     * and to payroll roles. The aggregate reports need read:reports only.
     */
    static void requirePersonPay(Caller caller) {
        requireReports(caller);
        if (!caller.can("read:payroll")) {
            throw Problems.forbidden("Each person's pay needs read:payroll besides read:reports");
        }
    }

    /**
     * Limits {@code column} to the branches the report covers: the caller's own branch unless they reach
     * every branch; the one asked for ({@code branchId}, which must be in reach: else 403); or, for head
     * office callers, the records of no branch ({@code headOffice}: plans and slips of head office).
     */
    static Where branches(Where where, String column, UUID branchId, boolean headOffice, Caller caller) {
        requireReports(caller);
        if (branchId != null && headOffice) {
            throw Problems.invalidField("headOffice", "give either branchId or headOffice=true, not both");
        }
        if (branchId != null && !caller.reaches(Optional.of(branchId))) {
            throw Problems.forbidden("Reports of branch " + branchId + " need access to that branch");
        }
        if (headOffice && !caller.seesAllBranches()) {
            throw Problems.forbidden("Reports of head office need access:all_branches");
        }
        if (!caller.seesAllBranches()) {
            where.and(column + " = :reach", "reach", caller.branchId().orElse(null));
        }
        where.andIfPresent(branchId, column + " = :branch", "branch");
        if (headOffice) {
            where.and(column + " is null");
        }
        return where;
    }

    /** The query string naming a branch for a drill-down link: the branch, head office, or nothing. */
    static String branchQuery(UUID branchId, boolean headOffice) {
        if (branchId != null) {
            return "&branchId=" + branchId;
        }
        return headOffice ? "&headOffice=true" : "";
    }
}
