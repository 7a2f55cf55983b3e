package dev.coachos.audit.trail;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coachos.audit}: which topics are read, which events are which kind of record, and how long
 * each kind is kept.
 *
 * @param topicPattern    the topics recorded (a regular expression over the whole name)
 * @param consumerGroup   the Kafka consumer group the records are read in
 * @param maintenanceCron when partitions are created ahead and retention runs (UTC)
 */
@ConfigurationProperties("coachos.audit")
public record AuditSettings(String topicPattern, String consumerGroup, Kinds kinds, Retention retention,
        String maintenanceCron, Verify verify, Private privateTypes) {

    public AuditSettings {
        privateTypes = privateTypes == null ? new Private(null, null) : privateTypes;
        kinds = kinds == null ? new Kinds(List.of(), List.of()) : kinds;
        retention = retention == null ? new Retention(null, null, null) : retention;
        verify = verify == null ? new Verify(null, null, null) : verify;
    }

    /**
     * How much one {@code verify} request checks before it answers with where to continue: the
     * time it may take, and the records it checks (it goes on past either to the end of the instant
     * it reached, so that continuing from the next instant leaves nothing out). Records are read
     * {@code pageSize} at a time.
     */
    public record Verify(Duration timeBudget, Long maxRecords, Integer pageSize) {

        public Verify {
            timeBudget = timeBudget == null ? Duration.ofSeconds(5) : timeBudget;
            maxRecords = maxRecords == null ? 1_000_000L : maxRecords;
            pageSize = pageSize == null ? 10_000 : pageSize;
            if (timeBudget.isNegative() || timeBudget.isZero() || maxRecords < 1 || pageSize < 1) {
                throw new IllegalArgumentException("coachos.audit.verify: the time budget, the record limit and the "
                        + "page size must be positive (were " + timeBudget + ", " + maxRecords + " and " + pageSize + ")");
            }
        }
    }

    /**
     * Event types whose payload is private to some readers of the trail (a person's pay): their
     * payload and changes are shown only to callers holding one of {@code permissions}.
     *
     * @param types       event types, such as SalaryPaid
     * @param permissions permissions that may read their payloads, such as read:payroll
     */
    public record Private(List<String> types, List<String> permissions) {

        public Private {
            types = types == null ? List.of() : List.copyOf(types);
            permissions = permissions == null ? List.of() : List.copyOf(permissions);
        }
    }

    /**
     * @param financeSources services whose events are FINANCE records
     * @param loginTypes     event types that are LOGIN records
     */
    public record Kinds(List<String> financeSources, List<String> loginTypes) {

        public Kinds {
            financeSources = financeSources == null ? List.of() : List.copyOf(financeSources);
            loginTypes = loginTypes == null ? List.of() : List.copyOf(loginTypes);
        }
    }

    /** Whole months each kind is kept; {@code null} keeps it for ever. */
    public record Retention(Integer financeMonths, Integer loginMonths, Integer generalMonths) {

        public Retention {
            for (Integer months : new Integer[] {financeMonths, loginMonths, generalMonths}) {
                if (months != null && months < 1) {
                    throw new IllegalArgumentException("coachos.audit.retention: keep a kind at least 1 month, or "
                            + "leave it empty to keep it for ever (was " + months + ")");
                }
            }
        }

        public Integer months(Kind kind) {
            return switch (kind) {
                case FINANCE -> financeMonths;
                case LOGIN -> loginMonths;
                case GENERAL -> generalMonths;
            };
        }
    }
}
