package dev.coachos.events.assessment;

import java.util.Map;

import dev.coachos.events.DomainEvent;

/** assessment-service's events on {@link dev.coachos.events.Topics#ASSESSMENT}, by their type names. */
public final class AssessmentEvents {

    /** Type name to payload class; every type is at {@link #SCHEMA_VERSION}. */
    public static final Map<String, Class<? extends DomainEvent>> TYPES = Map.of(
            "QuizPublished", QuizPublished.class,
            "QuizSubmitted", QuizSubmitted.class,
            "QuizGraded", QuizGraded.class);

    public static final int SCHEMA_VERSION = 1;

    private AssessmentEvents() {
    }

    /** The type name a payload travels under. */
    public static String typeOf(DomainEvent event) {
        return TYPES.entrySet().stream().filter(e -> e.getValue().isInstance(event)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Not an assessment event: " + event));
    }
}
