package dev.coachos.enrollment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The institute's time zone ({@code coachos.enrollment.time-zone}, Asia/Kolkata by default): schedules and dates are in it. */
@Component
public class InstituteClock {

    private final ZoneId zone;

    InstituteClock(@Value("${coachos.enrollment.time-zone:Asia/Kolkata}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(Clock.system(zone));
    }
}
