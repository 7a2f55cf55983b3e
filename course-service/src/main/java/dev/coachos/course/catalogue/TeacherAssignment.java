package dev.coachos.course.catalogue;

import java.time.Instant;
import java.util.UUID;

/** A teacher (by user id) assigned to a course, by whom and when. */
public record TeacherAssignment(UUID teacherId, UUID assignedBy, Instant assignedAt) {
}
