package dev.coachos.course.curriculum;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Writing a curriculum: modules, lessons, their order and lesson resources. Who may write is
 * decided per curriculum ({@link Curricula#lockForEdit}); every endpoint needs at least
 * {@code read:courses} here and the finer rule there.
 */
@RestController
class ContentController {

    static final String URL = "^(https?://|/)\\S*$";

    private final Content content;
    private final Curricula curricula;
    private final JdbcClient jdbc;

    ContentController(Content content, Curricula curricula, JdbcClient jdbc) {
        this.content = content;
        this.curricula = curricula;
        this.jdbc = jdbc;
    }

    @PostMapping("/api/v1/curricula/{curriculumId}/modules")
    @PreAuthorize("@permissions.allow('read:courses')")
    ResponseEntity<CurriculumTree.ModuleNode> addModule(@PathVariable UUID curriculumId,
            @Valid @RequestBody NewModule request) {
        CurriculumTree.ModuleNode module = content.addModule(curriculumId,
                new Content.ModuleFields(request.title(), request.active(), request.richTextContent()), Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/modules/" + module.id())).body(module);
    }

    /** Orders every module and every lesson of the curriculum in one request. */
    @PutMapping("/api/v1/curricula/{curriculumId}/order")
    @PreAuthorize("@permissions.allow('read:courses')")
    CurriculumTree reorder(@PathVariable UUID curriculumId, @Valid @RequestBody Order order) {
        return content.reorder(curriculumId, order.modules().stream()
                .map(m -> new Content.ModuleOrder(m.moduleId(), m.lessonIds())).toList(), Caller.current());
    }

    @PatchMapping("/api/v1/modules/{moduleId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    CurriculumTree.ModuleNode updateModule(@PathVariable UUID moduleId, @Valid @RequestBody ModuleChange change) {
        return content.updateModule(moduleId, new Content.ModuleFields(change.title(), change.active(),
                change.richTextContent()), Caller.current());
    }

    @DeleteMapping("/api/v1/modules/{moduleId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    ResponseEntity<Void> deleteModule(@PathVariable UUID moduleId) {
        content.deleteModule(moduleId, Caller.current());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/modules/{moduleId}/lessons")
    @PreAuthorize("@permissions.allow('read:courses')")
    ResponseEntity<CurriculumTree.LessonNode> addLesson(@PathVariable UUID moduleId,
            @Valid @RequestBody NewLesson request) {
        CurriculumTree.LessonNode lesson = content.addLesson(moduleId, new Content.LessonFields(request.title(),
                request.contentUrl(), request.richTextContent(), request.videoUrl(), request.weightage()),
                Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/lessons/" + lesson.id())).body(lesson);
    }

    @GetMapping("/api/v1/lessons/{lessonId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    CurriculumTree.LessonNode lesson(@PathVariable UUID lessonId) {
        return content.readLesson(lessonId, Caller.current());
    }

    @PatchMapping("/api/v1/lessons/{lessonId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    CurriculumTree.LessonNode updateLesson(@PathVariable UUID lessonId, @Valid @RequestBody LessonChange change) {
        return content.updateLesson(lessonId, new Content.LessonFields(change.title(), change.contentUrl(),
                change.richTextContent(), change.videoUrl(), change.weightage()), change.moduleId(), Caller.current());
    }

    @DeleteMapping("/api/v1/lessons/{lessonId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    ResponseEntity<Void> deleteLesson(@PathVariable UUID lessonId) {
        content.deleteLesson(lessonId, Caller.current());
        return ResponseEntity.noContent().build();
    }

    /** Attaches a file or link of the lesson's own, or a resource of the shared library ({@code resourceId}). */
    @PostMapping("/api/v1/lessons/{lessonId}/resources")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Transactional
    ResponseEntity<CurriculumTree.LessonNode> attach(@PathVariable UUID lessonId,
            @Valid @RequestBody Attachment attachment) {
        Curriculum c = curricula.lockForEdit(content.curriculumOfLesson(lessonId), Caller.current());
        boolean library = attachment.resourceId() != null;
        boolean own = attachment.title() != null || attachment.type() != null || attachment.url() != null;
        if (library == own) {
            throw Problems.invalidField("resourceId", "give either resourceId (a library resource) or title, type and url");
        }
        if (own && (attachment.title() == null || attachment.type() == null || attachment.url() == null)) {
            throw Problems.invalidField(attachment.title() == null ? "title" : attachment.type() == null ? "type" : "url",
                    "is required for a resource of the lesson's own");
        }
        if (library && !jdbc.sql("select exists (select 1 from resource where id = ?)").param(attachment.resourceId())
                .query(Boolean.class).single()) {
            throw Problems.invalidField("resourceId", "no library resource with id " + attachment.resourceId());
        }
        int added = jdbc.sql("""
                insert into lesson_resource (id, lesson_id, resource_id, title, type, url, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (lesson_id, resource_id) do nothing""")
                .params(UuidV7.next(), lessonId, attachment.resourceId(), attachment.title(),
                        attachment.type() == null ? null : attachment.type().name(), attachment.url(),
                        Timestamp.from(Instant.now()))
                .update();
        if (added == 0) {
            throw Problems.conflict("This library resource is already attached to the lesson");
        }
        curricula.changed(c, false);
        return ResponseEntity.status(201).body(content.lesson(c, lessonId));
    }

    @DeleteMapping("/api/v1/lessons/{lessonId}/resources/{attachmentId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Transactional
    ResponseEntity<Void> detach(@PathVariable UUID lessonId, @PathVariable UUID attachmentId) {
        Curriculum c = curricula.lockForEdit(content.curriculumOfLesson(lessonId), Caller.current());
        if (jdbc.sql("delete from lesson_resource where id = ? and lesson_id = ?").params(attachmentId, lessonId).update() == 0) {
            throw Problems.notFound("lesson resource", attachmentId);
        }
        curricula.changed(c, false);
        return ResponseEntity.noContent().build();
    }

    record NewModule(@NotBlank @Size(max = 200) String title, Boolean active, @Size(max = 200_000) String richTextContent) {
    }

    record ModuleChange(@Size(min = 1, max = 200) String title, Boolean active,
            @Size(max = 200_000) String richTextContent) {
    }

    record NewLesson(@NotBlank @Size(max = 200) String title,
            @Size(max = 1000) @Pattern(regexp = URL, message = "must be an http(s) URL or a path") String contentUrl,
            @Size(max = 200_000) String richTextContent,
            @Size(max = 1000) @Pattern(regexp = URL, message = "must be an http(s) URL or a path") String videoUrl,
            @Min(0) @Max(1000) Integer weightage) {
    }

    record LessonChange(@Size(min = 1, max = 200) String title,
            @Size(max = 1000) @Pattern(regexp = URL, message = "must be an http(s) URL or a path") String contentUrl,
            @Size(max = 200_000) String richTextContent,
            @Size(max = 1000) @Pattern(regexp = URL, message = "must be an http(s) URL or a path") String videoUrl,
            @Min(0) @Max(1000) Integer weightage, UUID moduleId) {
    }

    record Order(@NotNull @Size(max = 500) List<@Valid @NotNull ModuleOrder> modules) {
    }

    record ModuleOrder(@NotNull UUID moduleId, @Size(max = 2000) List<@NotNull UUID> lessonIds) {
    }

    record Attachment(UUID resourceId, @Size(max = 200) String title, ResourceType type,
            @Size(max = 1000) @Pattern(regexp = URL, message = "must be an http(s) URL or a path") String url) {
    }

    /** Kinds of lesson and library resources. */
    enum ResourceType {
        FILE, LINK, VIDEO, DOCUMENT
    }
}
