package dev.coachos.assessment.attempt;

import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * Results by the quizzes' grading methods, per quiz and per batch (the gradebook, as JSON or CSV),
 * and regrades after an answer key changed.
 */
@RestController
class ResultController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final Results results;
    private final Attempts attempts;

    ResultController(Results results, Attempts attempts) {
        this.results = results;
        this.attempts = attempts;
    }

    @GetMapping("/api/v1/quizzes/mine")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "A student's quizzes of a course: attempts used and left, the one in progress, the result so far")
    List<Results.StudentQuiz> mine(@RequestParam UUID courseId) {
        return results.mine(courseId, Caller.current());
    }

    @GetMapping("/api/v1/quizzes/{quizId}/results")
    @PreAuthorize("@permissions.allow('manage:quizzes') or @permissions.allow('read:quizzes') "
            + "or @permissions.allow('read:courses')")
    @Operation(summary = "Results on a quiz by its grading method: every student's, or a student's own")
    List<Results.Result> ofQuiz(@PathVariable UUID quizId) {
        return results.forQuiz(quizId, Caller.current());
    }

    @GetMapping(path = "/api/v1/gradebook/batches/{batchId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("@permissions.allow('manage:quizzes') or @permissions.allow('read:quizzes')")
    @Operation(summary = "A batch's gradebook: each student's result on each published quiz of its curriculum")
    Results.Gradebook gradebook(@PathVariable UUID batchId) {
        return results.gradebook(batchId, Caller.current());
    }

    @GetMapping(path = "/api/v1/gradebook/batches/{batchId}", params = "format=csv")
    @PreAuthorize("@permissions.allow('manage:quizzes') or @permissions.allow('read:quizzes')")
    @Operation(summary = "A batch's gradebook as CSV (?format=csv): a percentage column per quiz, then the average")
    ResponseEntity<String> gradebookCsv(@PathVariable UUID batchId) {
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"gradebook-" + batchId + ".csv\"")
                .body(Results.csv(results.gradebook(batchId, Caller.current())));
    }

    @PostMapping("/api/v1/quizzes/{quizId}/regrade")
    @PreAuthorize("@permissions.allow('manage:quizzes')")
    @Operation(summary = "Regrade submitted attempts with the current answer keys (dryRun lists old and new scores)")
    List<Attempts.Regrade> regrade(@PathVariable UUID quizId,
            @Parameter(description = "List what would change and change nothing (default true)")
            @RequestParam(defaultValue = "true") boolean dryRun) {
        return attempts.regrade(quizId, !dryRun, Caller.current());
    }
}
