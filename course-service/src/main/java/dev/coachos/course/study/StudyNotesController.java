package dev.coachos.course.study;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/** The caller's own highlights and bookmarks; every endpoint needs {@code read:courses}. */
@RestController
class StudyNotesController {

    private final StudyNotes notes;

    StudyNotesController(StudyNotes notes) {
        this.notes = notes;
    }

    @GetMapping("/api/v1/highlights")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "List your highlights")
    List<Highlight> highlights(@RequestParam(required = false) UUID lessonId) {
        return notes.highlights(lessonId, Caller.current());
    }

    @PostMapping("/api/v1/highlights")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Highlight a passage of a lesson")
    ResponseEntity<Highlight> highlight(@Valid @RequestBody NewHighlight highlight) {
        Highlight created = notes.highlight(highlight, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/highlights/" + created.id())).body(created);
    }

    @DeleteMapping("/api/v1/highlights/{id}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Remove one of your highlights")
    ResponseEntity<Void> removeHighlight(@PathVariable UUID id) {
        notes.removeHighlight(id, Caller.current());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/bookmarks")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "List your bookmarks")
    List<Bookmark> bookmarks() {
        return notes.bookmarks(Caller.current());
    }

    @PutMapping("/api/v1/bookmarks/{lessonId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Bookmark a lesson")
    ResponseEntity<Void> bookmark(@PathVariable UUID lessonId, @Valid @RequestBody(required = false) BookmarkNote note) {
        notes.bookmark(lessonId, note, Caller.current());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/bookmarks/{lessonId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Remove a bookmark")
    ResponseEntity<Void> removeBookmark(@PathVariable UUID lessonId) {
        notes.removeBookmark(lessonId, Caller.current());
        return ResponseEntity.noContent().build();
    }
}
