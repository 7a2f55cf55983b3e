package dev.coachos.course.study;

import java.time.Instant;
import java.util.UUID;

/** A passage of a lesson a reader marked, with its place (character offsets), colour and note. */
public record Highlight(UUID id, UUID lessonId, String text, Integer startOffset, Integer endOffset, String color,
        String note, Instant createdAt) {
}
