package dev.coachos.course.curriculum;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/** Curriculum versions and the effective curriculum a student follows. */
@RestController
class CurriculumController {

    private final Curricula curricula;

    CurriculumController(Curricula curricula) {
        this.curricula = curricula;
    }

    /**
     * The curriculum a teacher's students follow: the teacher's APPROVED version, else the
     * official one, as one tree. Without {@code teacherId}, the official one.
     */
    @GetMapping("/api/v1/courses/{courseId}/curriculum")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Read the curriculum a teacher's students follow")
    CurriculumTree effective(@PathVariable UUID courseId, @RequestParam(required = false) UUID teacherId) {
        return curricula.effective(courseId, teacherId, Caller.current());
    }

    @GetMapping("/api/v1/courses/{courseId}/curricula")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "List the curriculum versions of a course")
    List<Curriculum> versions(@PathVariable UUID courseId) {
        return curricula.versions(courseId, Caller.current());
    }

    /** The calling teacher's own version, starting as a copy of the official curriculum. */
    @PostMapping("/api/v1/courses/{courseId}/curricula")
    @PreAuthorize("@permissions.allow('create:curricula')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft your own version of a course's curriculum")
    CurriculumTree draft(@PathVariable UUID courseId, @Valid @RequestBody(required = false) VersionName name) {
        return curricula.createTeacherVersion(courseId, name, Caller.current());
    }

    @GetMapping("/api/v1/curricula/{id}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Read a curriculum version")
    CurriculumTree one(@PathVariable UUID id) {
        return curricula.read(id, Caller.current());
    }

    @PatchMapping("/api/v1/curricula/{id}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Rename a curriculum version")
    CurriculumTree rename(@PathVariable UUID id, @Valid @RequestBody VersionName name) {
        return curricula.rename(id, name, Caller.current());
    }
}
