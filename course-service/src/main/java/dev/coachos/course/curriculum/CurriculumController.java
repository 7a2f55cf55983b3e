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
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Curriculum versions, their approval, and the effective curriculum a student follows. */
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
    CurriculumTree effective(@PathVariable UUID courseId, @RequestParam(required = false) UUID teacherId) {
        return curricula.effective(courseId, teacherId, Caller.current());
    }

    @GetMapping("/api/v1/courses/{courseId}/curricula")
    @PreAuthorize("@permissions.allow('read:courses')")
    List<Curriculum> versions(@PathVariable UUID courseId) {
        return curricula.versions(courseId, Caller.current());
    }

    /** The calling teacher's own version, starting as a copy of the official curriculum. */
    @PostMapping("/api/v1/courses/{courseId}/curricula")
    @PreAuthorize("@permissions.allow('create:curricula')")
    @ResponseStatus(HttpStatus.CREATED)
    CurriculumTree draft(@PathVariable UUID courseId, @Valid @RequestBody(required = false) VersionRequest request) {
        return curricula.createTeacherVersion(courseId, request == null ? null : request.versionName(), Caller.current());
    }

    /** The review queue. */
    @GetMapping("/api/v1/curricula")
    @PreAuthorize("@permissions.allow('manage:curricula')")
    List<Curriculum> pending() {
        return curricula.pending();
    }

    @GetMapping("/api/v1/curricula/{id}")
    @PreAuthorize("@permissions.allow('read:courses')")
    CurriculumTree one(@PathVariable UUID id) {
        return curricula.read(id, Caller.current());
    }

    @PatchMapping("/api/v1/curricula/{id}")
    @PreAuthorize("@permissions.allow('read:courses')")
    CurriculumTree rename(@PathVariable UUID id, @Valid @RequestBody VersionRequest request) {
        return curricula.rename(id, request.versionName(), Caller.current());
    }

    @PostMapping("/api/v1/curricula/{id}/submit")
    @PreAuthorize("@permissions.allow('create:curricula')")
    Curriculum submit(@PathVariable UUID id) {
        return curricula.submit(id, Caller.current());
    }

    @PostMapping("/api/v1/curricula/{id}/approve")
    @PreAuthorize("@permissions.allow('manage:curricula')")
    Curriculum approve(@PathVariable UUID id) {
        return curricula.approve(id, Caller.current());
    }

    @PostMapping("/api/v1/curricula/{id}/reject")
    @PreAuthorize("@permissions.allow('manage:curricula')")
    Curriculum reject(@PathVariable UUID id, @Valid @RequestBody Rejection rejection) {
        return curricula.reject(id, rejection.reason().strip(), Caller.current());
    }

    record VersionRequest(@Size(max = 200) String versionName) {
    }

    record Rejection(@NotBlank @Size(max = 2000) String reason) {
    }
}
