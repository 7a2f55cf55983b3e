package dev.coachos.platform.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;


/**
 * Dates and instants a coaching institute can mean: years 1900 to 2200. Anything else is a 400, not arithmetic overflow.
 * Every date read from a JSON body or a query parameter is held to this range before a controller sees it
 * ({@link StrictJson}, {@link DateParameters}); {@link #requireSane} remains for dates a service computes itself.
 */
public final class Dates {

    private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2200, 12, 31);
    private static final Instant FIRST_INSTANT = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant END_INSTANT = Instant.parse("2201-01-01T00:00:00Z");

    /** What a field out of range is told. */
    public static final String OUT_OF_RANGE = "must be between " + FIRST + " and " + LAST;

    private Dates() {
    }

    public static void requireSane(String field, LocalDate date) {
        if (!isSane(date)) {
            throw Problems.invalidField(field, OUT_OF_RANGE);
        }
    }

    public static void requireSane(String field, Instant instant) {
        if (!isSane(instant)) {
            throw Problems.invalidField(field, OUT_OF_RANGE);
        }
    }

    /**
     * Whether a date or time value lies within the range; {@code null} and values without a date
     * (a time of day) do. A local date and time is judged by its date, one with an offset or a zone
     * by its instant (as an {@link Instant} is).
     */
    public static boolean isSane(Object value) {
        return switch (value) {
            case null -> true;
            case LocalDate date -> !date.isBefore(FIRST) && !date.isAfter(LAST);
            case Instant instant -> !instant.isBefore(FIRST_INSTANT) && instant.isBefore(END_INSTANT);
            case LocalDateTime time -> isSane(time.toLocalDate());
            case OffsetDateTime time -> isSane(time.toInstant());
            case ZonedDateTime time -> isSane(time.toInstant());
            default -> true;
        };
    }

    /** A date that was read well but lies outside the range (thrown while converting a request parameter). */
    public static final class OutOfRange extends DateTimeException {

        public OutOfRange() {
            super(OUT_OF_RANGE);
        }
    }
}
