package dev.coachos.assessment.attempt;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Attempts: students ({@code read:courses} and a student profile) start, answer and submit their
 * own; teachers of the course and staff ({@code manage:quizzes}) read and grade them; holders of
 * {@code read:quizzes} read them.
 */
@RestController
class AttemptController {

    private final Attempts attempts;

    AttemptController(Attempts attempts) {
        this.attempts = attempts;
    }

    @PostMapping("/api/v1/quizzes/{quizId}/attempts")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Start an attempt (201), or get back the one in progress (200)")
    ResponseEntity<Attempt> start(@PathVariable UUID quizId) {
        Attempts.Started started = attempts.start(quizId, Caller.current());
        URI location = URI.create("/api/v1/attempts/" + started.attempt().id());
        return started.created() ? ResponseEntity.created(location).body(started.attempt())
                : ResponseEntity.ok().location(location).body(started.attempt());
    }

    @GetMapping("/api/v1/quizzes/{quizId}/attempts")
    @PreAuthorize("@permissions.allow('manage:quizzes') or @permissions.allow('read:quizzes') "
            + "or @permissions.allow('read:courses')")
    @Operation(summary = "Attempts at a quiz: a student's own, or every one for those who read its quizzes")
    List<Attempt> of(@PathVariable UUID quizId) {
        return attempts.of(quizId, Caller.current());
    }

    @GetMapping("/api/v1/attempts/{id}")
    @PreAuthorize("@permissions.allow('manage:quizzes') or @permissions.allow('read:quizzes') "
            + "or @permissions.allow('read:courses')")
    @Operation(summary = "Read an attempt: its questions and answers, and what its review settings show now")
    AttemptView one(@PathVariable UUID id) {
        return attempts.view(id, Caller.current());
    }

    @PutMapping("/api/v1/attempts/{id}/answers/{questionId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Save the answer to one question (the same answer twice changes nothing)")
    AttemptView.QuestionView answer(@PathVariable UUID id, @PathVariable UUID questionId,
            @Valid @RequestBody NewAnswer answer) {
        return attempts.answer(id, questionId, answer, Caller.current());
    }

    @PostMapping("/api/v1/attempts/{id}/submit")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Submit an attempt: it is graded at once")
    AttemptView submit(@PathVariable UUID id) {
        return attempts.submit(id, Caller.current());
    }

    @PutMapping("/api/v1/attempts/{id}/grades/{questionId}")
    @PreAuthorize("@permissions.allow('manage:quizzes')")
    @Operation(summary = "Grade one answer of a submitted attempt, or override its automatic mark")
    AttemptView grade(@PathVariable UUID id, @PathVariable UUID questionId, @Valid @RequestBody ManualGrade grade) {
        return attempts.grade(id, questionId, grade, Caller.current());
    }
}
