package dev.coachos.audit.trail;

/**
 * Whether what a record tells of succeeded: an event whose type ends in {@code Failed} or
 * {@code Denied} tells of a failure.
 */
public enum Outcome {
    SUCCESS, FAILURE;

    public static Outcome ofType(String type) {
        return type != null && (type.endsWith("Failed") || type.endsWith("Denied")) ? FAILURE : SUCCESS;
    }
}
