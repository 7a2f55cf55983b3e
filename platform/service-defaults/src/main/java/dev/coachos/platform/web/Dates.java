package dev.coachos.platform.web;

import java.time.Instant;
import java.time.LocalDate;


/** Dates and instants a coaching institute can mean: years 1900 to 2200. Anything else is a 400, not arithmetic overflow. */
public final class Dates {

    private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2200, 12, 31);

    private Dates() {
    }

    public static void requireSane(String field, LocalDate date) {
        if (date != null && (date.isBefore(FIRST) || date.isAfter(LAST))) {
            throw Problems.invalidField(field, "must be between " + FIRST + " and " + LAST);
        }
    }

    public static void requireSane(String field, Instant instant) {
        if (instant != null && (instant.isBefore(Instant.parse("1900-01-01T00:00:00Z"))
                || instant.isAfter(Instant.parse("2201-01-01T00:00:00Z")))) {
            throw Problems.invalidField(field, "must be between " + FIRST + " and " + LAST);
        }
    }
}
