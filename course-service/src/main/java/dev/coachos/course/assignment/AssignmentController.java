package dev.coachos.course.assignment;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Assignments of a curriculum, students' submissions and their grading. */
@RestController
class AssignmentController {

    private final Assignments assignments;

    AssignmentController(Assignments assignments) {
        this.assignments = assignments;
    }

    @PostMapping("/api/v1/assignments")
    @PreAuthorize("@permissions.allow('read:courses')")
    ResponseEntity<Assignments.Assignment> create(@Valid @RequestBody AssignmentRequest request) {
        Assignments.Assignment created = assignments.create(new Assignments.NewAssignment(request.curriculumId(),
                request.lessonId(), request.title(), request.instructions(), request.dueAt(), request.maxPoints()),
                Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/assignments/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/assignments")
    @PreAuthorize("@permissions.allow('read:courses')")
    List<Assignments.Assignment> ofCurriculum(@RequestParam UUID curriculumId) {
        return assignments.ofCurriculum(curriculumId, Caller.current());
    }

    @GetMapping("/api/v1/assignments/{id}")
    @PreAuthorize("@permissions.allow('read:courses')")
    Assignments.Assignment one(@PathVariable UUID id) {
        return assignments.read(id, Caller.current());
    }

    @PostMapping("/api/v1/assignments/{id}/submissions")
    @PreAuthorize("@permissions.allow('read:courses')")
    ResponseEntity<Assignments.Submission> submit(@PathVariable UUID id, @Valid @RequestBody SubmissionRequest request) {
        if ((request.text() == null || request.text().isBlank()) && request.linkUrl() == null) {
            throw Problems.invalidField("text", "give text, a link (linkUrl) or both");
        }
        Assignments.Submission submission = assignments.submit(id, request.text(), request.linkUrl(), Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/submissions/" + submission.id())).body(submission);
    }

    @GetMapping("/api/v1/assignments/{id}/submissions")
    @PreAuthorize("@permissions.allow('read:courses')")
    List<Assignments.Submission> submissions(@PathVariable UUID id) {
        return assignments.submissions(id, Caller.current());
    }

    /** The caller's own submissions, newest first. */
    @GetMapping("/api/v1/submissions")
    @PreAuthorize("@permissions.allow('read:courses')")
    PageResponse<Assignments.Submission> mine(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return assignments.mine(Caller.current(), page, size);
    }

    @GetMapping("/api/v1/submissions/{id}")
    @PreAuthorize("@permissions.allow('read:courses')")
    Assignments.Submission submission(@PathVariable UUID id) {
        return assignments.submission(id, Caller.current());
    }

    @PostMapping("/api/v1/submissions/{id}/grade")
    @PreAuthorize("@permissions.allow('read:courses')")
    Assignments.Submission grade(@PathVariable UUID id, @Valid @RequestBody Grade grade) {
        return assignments.grade(id, grade.attempt(), grade.points(), grade.feedback(), Caller.current());
    }

    record AssignmentRequest(@NotNull UUID curriculumId, UUID lessonId, @NotBlank @Size(max = 200) String title,
            @Size(max = 200_000) String instructions, @NotNull Instant dueAt,
            @NotNull @Min(1) @Max(10_000) Integer maxPoints) {
    }

    record SubmissionRequest(@Size(max = 50_000) String text,
            @Size(max = 1000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String linkUrl) {
    }

    /** {@code attempt}: the submission's attempt number the grader read. */
    record Grade(@NotNull @Min(1) Integer attempt, @NotNull @Min(0) Integer points, @Size(max = 5000) String feedback) {
    }
}
