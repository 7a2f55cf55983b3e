package dev.coachos.course.study;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.course.curriculum.Content;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A reader's private study notes: highlighted passages and bookmarked lessons. Nobody else sees
 * or changes them; someone else's highlight is "not found".
 */
@RestController
class StudyNotesController {

    private final JdbcClient jdbc;
    private final Content content;

    StudyNotesController(JdbcClient jdbc, Content content) {
        this.jdbc = jdbc;
        this.content = content;
    }

    @GetMapping("/api/v1/highlights")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Transactional(readOnly = true)
    List<Highlight> highlights(@RequestParam(required = false) UUID lessonId) {
        return jdbc.sql("""
                select id, lesson_id, text, start_offset, end_offset, color, note, created_at from lesson_highlight
                where user_id = ? and (?::uuid is null or lesson_id = ?) order by lesson_id, start_offset nulls last, created_at""")
                .params(Caller.current().userId(), lessonId, lessonId)
                .query((rs, n) -> new Highlight(rs.getObject("id", UUID.class), rs.getObject("lesson_id", UUID.class),
                        rs.getString("text"), (Integer) rs.getObject("start_offset"), (Integer) rs.getObject("end_offset"),
                        rs.getString("color"), rs.getString("note"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @PostMapping("/api/v1/highlights")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Transactional
    ResponseEntity<Highlight> highlight(@Valid @RequestBody NewHighlight request) {
        Caller caller = Caller.current();
        content.readLesson(request.lessonId(), caller);
        if (request.startOffset() != null && request.endOffset() != null && request.endOffset() < request.startOffset()) {
            throw Problems.invalidField("endOffset", "must not be before startOffset");
        }
        Highlight highlight = new Highlight(UuidV7.next(), request.lessonId(), request.text(), request.startOffset(),
                request.endOffset(), request.color(), request.note(), Instant.now());
        jdbc.sql("""
                insert into lesson_highlight (id, lesson_id, user_id, text, start_offset, end_offset, color, note, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(highlight.id(), highlight.lessonId(), caller.userId(), highlight.text(), highlight.startOffset(),
                        highlight.endOffset(), highlight.color(), highlight.note(), Timestamp.from(highlight.createdAt()))
                .update();
        return ResponseEntity.created(URI.create("/api/v1/highlights/" + highlight.id())).body(highlight);
    }

    @DeleteMapping("/api/v1/highlights/{id}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Transactional
    ResponseEntity<Void> removeHighlight(@PathVariable UUID id) {
        if (jdbc.sql("delete from lesson_highlight where id = ? and user_id = ?").params(id, Caller.current().userId())
                .update() == 0) {
            throw Problems.notFound("highlight", id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/bookmarks")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Transactional(readOnly = true)
    List<Bookmark> bookmarks() {
        return jdbc.sql("""
                select b.lesson_id, l.title, cu.course_id, b.note, b.created_at
                from lesson_bookmark b join lesson l on l.id = b.lesson_id join curriculum cu on cu.id = l.curriculum_id
                where b.user_id = ? order by b.created_at desc""")
                .param(Caller.current().userId())
                .query((rs, n) -> new Bookmark(rs.getObject("lesson_id", UUID.class), rs.getString("title"),
                        rs.getObject("course_id", UUID.class), rs.getString("note"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Bookmarks a lesson; bookmarking it again only replaces the note. */
    @PutMapping("/api/v1/bookmarks/{lessonId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Transactional
    ResponseEntity<Void> bookmark(@PathVariable UUID lessonId, @Valid @RequestBody(required = false) BookmarkNote note) {
        Caller caller = Caller.current();
        content.readLesson(lessonId, caller);
        jdbc.sql("""
                insert into lesson_bookmark (lesson_id, user_id, note, created_at) values (?, ?, ?, ?)
                on conflict (user_id, lesson_id) do update set note = excluded.note""")
                .params(lessonId, caller.userId(), note == null ? null : note.note(), Timestamp.from(Instant.now()))
                .update();
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/bookmarks/{lessonId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Transactional
    ResponseEntity<Void> removeBookmark(@PathVariable UUID lessonId) {
        if (jdbc.sql("delete from lesson_bookmark where lesson_id = ? and user_id = ?")
                .params(lessonId, Caller.current().userId()).update() == 0) {
            throw Problems.notFound("bookmark of lesson", lessonId);
        }
        return ResponseEntity.noContent().build();
    }

    record Highlight(UUID id, UUID lessonId, String text, Integer startOffset, Integer endOffset, String color,
            String note, Instant createdAt) {
    }

    record NewHighlight(@NotNull UUID lessonId, @NotBlank @Size(max = 2000) String text, @Min(0) Integer startOffset,
            @Min(0) Integer endOffset,
            @Size(max = 20) @Pattern(regexp = "^[a-z]+$|^#[0-9a-fA-F]{6}$", message = "a colour name or #rrggbb") String color,
            @Size(max = 2000) String note) {
    }

    record Bookmark(UUID lessonId, String lessonTitle, UUID courseId, String note, Instant createdAt) {
    }

    record BookmarkNote(@Size(max = 500) String note) {
    }
}
