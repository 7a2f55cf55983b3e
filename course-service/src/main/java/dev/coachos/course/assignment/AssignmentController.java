package dev.coachos.course.assignment;

import java.net.URI;
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
import dev.coachos.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Assignments of a curriculum, students' submissions and their grading. */
@RestController
class AssignmentController {

    private final Assignments assignments;

    AssignmentController(Assignments assignments) {
        this.assignments = assignments;
    }

    @PostMapping("/api/v1/assignments")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Set an assignment on a curriculum")
    ResponseEntity<Assignment> create(@Valid @RequestBody NewAssignment assignment) {
        Assignment created = assignments.create(assignment, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/assignments/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/assignments")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "List the assignments of a curriculum")
    List<Assignment> ofCurriculum(@RequestParam UUID curriculumId) {
        return assignments.ofCurriculum(curriculumId, Caller.current());
    }

    @GetMapping("/api/v1/assignments/{id}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Read an assignment")
    Assignment one(@PathVariable UUID id) {
        return assignments.read(id, Caller.current());
    }

    @PostMapping("/api/v1/assignments/{id}/submissions")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Submit or resubmit your work for an assignment")
    ResponseEntity<Submission> submit(@PathVariable UUID id, @Valid @RequestBody NewSubmission work) {
        Submission submission = assignments.submit(id, work, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/submissions/" + submission.id())).body(submission);
    }

    @GetMapping("/api/v1/assignments/{id}/submissions")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "List an assignment's submissions you may see")
    List<Submission> submissions(@PathVariable UUID id) {
        return assignments.submissions(id, Caller.current());
    }

    @GetMapping("/api/v1/submissions")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "List your own submissions, newest first")
    PageResponse<Submission> mine(Paging paging) {
        return assignments.mine(Caller.current(), paging);
    }

    @GetMapping("/api/v1/submissions/{id}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Read a submission")
    Submission submission(@PathVariable UUID id) {
        return assignments.submission(id, Caller.current());
    }

    @PostMapping("/api/v1/submissions/{id}/grade")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Grade a submission")
    Submission grade(@PathVariable UUID id, @Valid @RequestBody Grade grade) {
        return assignments.grade(id, grade, Caller.current());
    }
}
