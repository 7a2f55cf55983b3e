package dev.coachos.course.curriculum;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/**
 * Writing a curriculum: modules, lessons, their order and lesson resources. Who may write is
 * decided per curriculum ({@link Curricula#lockForEdit}); every endpoint needs at least
 * {@code read:courses} here and the finer rule there.
 */
@RestController
class ContentController {

    private final Content content;

    ContentController(Content content) {
        this.content = content;
    }

    @PostMapping("/api/v1/curricula/{curriculumId}/modules")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Add a module to a curriculum")
    ResponseEntity<CurriculumTree.ModuleNode> addModule(@PathVariable UUID curriculumId,
            @Valid @RequestBody NewModule module) {
        CurriculumTree.ModuleNode added = content.addModule(curriculumId, module, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/modules/" + added.id())).body(added);
    }

    @PutMapping("/api/v1/curricula/{curriculumId}/order")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Order every module and lesson of a curriculum")
    CurriculumTree reorder(@PathVariable UUID curriculumId, @Valid @RequestBody CurriculumOrder order) {
        return content.reorder(curriculumId, order, Caller.current());
    }

    @PatchMapping("/api/v1/modules/{moduleId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Change a module")
    CurriculumTree.ModuleNode updateModule(@PathVariable UUID moduleId, @Valid @RequestBody ModuleChange change) {
        return content.updateModule(moduleId, change, Caller.current());
    }

    @DeleteMapping("/api/v1/modules/{moduleId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Delete a module and its lessons")
    ResponseEntity<Void> deleteModule(@PathVariable UUID moduleId) {
        content.deleteModule(moduleId, Caller.current());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/modules/{moduleId}/lessons")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Add a lesson to a module")
    ResponseEntity<CurriculumTree.LessonNode> addLesson(@PathVariable UUID moduleId,
            @Valid @RequestBody NewLesson lesson) {
        CurriculumTree.LessonNode added = content.addLesson(moduleId, lesson, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/lessons/" + added.id())).body(added);
    }

    @GetMapping("/api/v1/lessons/{lessonId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Read a lesson with its resources")
    CurriculumTree.LessonNode lesson(@PathVariable UUID lessonId) {
        return content.readLesson(lessonId, Caller.current());
    }

    @PatchMapping("/api/v1/lessons/{lessonId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Change or move a lesson")
    CurriculumTree.LessonNode updateLesson(@PathVariable UUID lessonId, @Valid @RequestBody LessonChange change) {
        return content.updateLesson(lessonId, change, Caller.current());
    }

    @DeleteMapping("/api/v1/lessons/{lessonId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Delete a lesson")
    ResponseEntity<Void> deleteLesson(@PathVariable UUID lessonId) {
        content.deleteLesson(lessonId, Caller.current());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/lessons/{lessonId}/resources")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Attach a resource to a lesson")
    ResponseEntity<CurriculumTree.LessonNode> attach(@PathVariable UUID lessonId,
            @Valid @RequestBody Attachment attachment) {
        return ResponseEntity.status(HttpStatus.CREATED).body(content.attach(lessonId, attachment, Caller.current()));
    }

    @DeleteMapping("/api/v1/lessons/{lessonId}/resources/{attachmentId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Detach a resource from a lesson")
    ResponseEntity<Void> detach(@PathVariable UUID lessonId, @PathVariable UUID attachmentId) {
        content.detach(lessonId, attachmentId, Caller.current());
        return ResponseEntity.noContent().build();
    }
}
