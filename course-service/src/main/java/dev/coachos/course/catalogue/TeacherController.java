package dev.coachos.course.catalogue;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;

/** A course's teachers: read by whoever reads courses, assigned by holders of {@code manage:courses}. */
@RestController
@RequestMapping("/api/v1/courses/{courseId}/teachers")
class TeacherController {

    private final Teachers teachers;

    TeacherController(Teachers teachers) {
        this.teachers = teachers;
    }

    @GetMapping
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "List the teachers assigned to a course")
    List<TeacherAssignment> list(@PathVariable UUID courseId) {
        return teachers.of(courseId, Caller.current());
    }

    @PutMapping("/{teacherId}")
    @PreAuthorize("@permissions.allow('manage:courses')")
    @Operation(summary = "Assign a teacher to a course")
    ResponseEntity<Void> assign(@PathVariable UUID courseId, @PathVariable UUID teacherId) {
        teachers.assign(courseId, teacherId, Caller.current());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{teacherId}")
    @PreAuthorize("@permissions.allow('manage:courses')")
    @Operation(summary = "Unassign a teacher from a course")
    ResponseEntity<Void> unassign(@PathVariable UUID courseId, @PathVariable UUID teacherId) {
        teachers.unassign(courseId, teacherId, Caller.current());
        return ResponseEntity.noContent().build();
    }
}
