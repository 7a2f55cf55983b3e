package dev.coachos.enrollment.progress;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;

/** Lesson progress: students mark and read their own; teachers and staff read their students'. */
@RestController
class ProgressController {

    private final ProgressReports reports;

    ProgressController(ProgressReports reports) {
        this.reports = reports;
    }

    @PostMapping("/api/v1/progress/courses/{courseId}/lessons/{lessonId}/complete")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Mark a lesson complete for the calling student")
    Progress complete(@PathVariable UUID courseId, @PathVariable UUID lessonId) {
        return reports.complete(courseId, lessonId, Caller.current());
    }

    @GetMapping("/api/v1/progress/courses/{courseId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Read the calling student's progress in a course")
    Progress mine(@PathVariable UUID courseId) {
        return reports.mine(courseId, Caller.current());
    }

    @GetMapping("/api/v1/progress/courses/{courseId}/students/{studentId}")
    @PreAuthorize("@permissions.allow('read:enrollments')")
    @Operation(summary = "Read a student's progress in a course")
    Progress of(@PathVariable UUID courseId, @PathVariable UUID studentId) {
        return reports.of(courseId, studentId, Caller.current());
    }
}
