package dev.coachos.communication.query;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coachos.queries}: the targets of each priority and who hears of a missed one.
 *
 * @param sla             per priority ({@code low}, {@code normal}, {@code high}, {@code urgent}): the
 *                        first-response and resolution targets; a priority or a target left out keeps
 *                        its default (URGENT 1h/8h, HIGH 4h/24h, NORMAL 8h/72h, LOW 24h/120h)
 * @param managerRoles    roles whose holders in the query's branch hear of a breach (default BACKOFFICE,
 *                        the branch role that answers queries)
 * @param headOfficeRoles who hears instead when the branch has none of them, or the query has no branch
 *                        (default GENERAL_MANAGER, DIRECTOR)
 * @param sweepInterval   how often the breach sweep runs (default one minute)
 */
@ConfigurationProperties("coachos.queries")
public record QuerySettings(Map<String, Target> sla, List<String> managerRoles, List<String> headOfficeRoles,
        Duration sweepInterval) {

    private static final Map<Query.Priority, Target> DEFAULTS = Map.of(
            Query.Priority.URGENT, new Target(Duration.ofHours(1), Duration.ofHours(8)),
            Query.Priority.HIGH, new Target(Duration.ofHours(4), Duration.ofHours(24)),
            Query.Priority.NORMAL, new Target(Duration.ofHours(8), Duration.ofHours(72)),
            Query.Priority.LOW, new Target(Duration.ofHours(24), Duration.ofHours(120)));

    public QuerySettings {
        Map<Query.Priority, Target> given = new EnumMap<>(Query.Priority.class);
        if (sla != null) {
            sla.forEach((name, target) -> {
                Query.Priority priority;
                try {
                    priority = Query.Priority.valueOf(name.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("coachos.queries.sla." + name + ": not a priority (low, normal, high, urgent)");
                }
                given.put(priority, target);
            });
        }
        Map<String, Target> complete = new LinkedHashMap<>();
        for (Query.Priority priority : Query.Priority.values()) {
            Target fallback = DEFAULTS.get(priority);
            Target target = given.get(priority);
            Duration first = target == null || target.firstResponse() == null ? fallback.firstResponse() : target.firstResponse();
            Duration resolution = target == null || target.resolution() == null ? fallback.resolution() : target.resolution();
            if (first.isNegative() || first.isZero() || resolution.isNegative() || resolution.isZero()) {
                throw new IllegalArgumentException("coachos.queries.sla." + priority.name().toLowerCase(Locale.ROOT)
                        + ": targets must be positive durations");
            }
            complete.put(priority.name(), new Target(first, resolution));
        }
        sla = Map.copyOf(complete);
        managerRoles = managerRoles == null || managerRoles.isEmpty() ? List.of("BACKOFFICE") : List.copyOf(managerRoles);
        headOfficeRoles = headOfficeRoles == null || headOfficeRoles.isEmpty() ? List.of("GENERAL_MANAGER", "DIRECTOR")
                : List.copyOf(headOfficeRoles);
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
    }

    /** The targets of one priority. */
    public Target target(Query.Priority priority) {
        return sla.get(priority.name());
    }

    /** How long after opening the first answer is due, and the resolution (not counting pauses). */
    public record Target(Duration firstResponse, Duration resolution) {
    }
}
