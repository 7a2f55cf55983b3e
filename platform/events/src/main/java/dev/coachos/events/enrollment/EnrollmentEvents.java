package dev.coachos.events.enrollment;

import java.util.Map;

import dev.coachos.events.DomainEvent;

/** enrollment-service's events on {@link dev.coachos.events.Topics#ENROLLMENT}, by their type names. */
public final class EnrollmentEvents {

    /** Type name to payload class; every type is at {@link #SCHEMA_VERSION}. */
    public static final Map<String, Class<? extends DomainEvent>> TYPES = Map.ofEntries(
            Map.entry("BatchCreated", BatchCreated.class),
            Map.entry("BatchUpdated", BatchUpdated.class),
            Map.entry("BatchFeeChanged", BatchFeeChanged.class),
            Map.entry("EnrollmentCreated", EnrollmentCreated.class),
            Map.entry("EnrollmentStatusChanged", EnrollmentStatusChanged.class),
            Map.entry("EnrollmentTransferred", EnrollmentTransferred.class),
            Map.entry("WaitlistJoined", WaitlistJoined.class),
            Map.entry("WaitlistPromoted", WaitlistPromoted.class),
            Map.entry("AttendanceMarked", AttendanceMarked.class),
            Map.entry("LessonCompleted", LessonCompleted.class),
            Map.entry("LeadEnrolled", LeadEnrolled.class),
            Map.entry("LeadEnrollmentRefused", LeadEnrollmentRefused.class));

    public static final int SCHEMA_VERSION = 1;

    private EnrollmentEvents() {
    }

    /** The type name a payload travels under. */
    public static String typeOf(DomainEvent event) {
        return TYPES.entrySet().stream().filter(e -> e.getValue().isInstance(event)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Not an enrollment event: " + event));
    }
}
