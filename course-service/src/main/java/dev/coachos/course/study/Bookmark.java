package dev.coachos.course.study;

import java.time.Instant;
import java.util.UUID;

/** A lesson a reader bookmarked, with the lesson's title and course and the reader's note. */
public record Bookmark(UUID lessonId, String lessonTitle, UUID courseId, String note, Instant createdAt) {
}
