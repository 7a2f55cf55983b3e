package dev.coachos.assessment.quiz;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Quizzes and their questions: set by teachers of the course and staff ({@code manage:quizzes}),
 * read by them and holders of {@code read:quizzes}; students ({@code read:courses} and a student
 * profile) see the published quizzes of the curriculum they follow.
 */
@RestController
@RequestMapping("/api/v1/quizzes")
class QuizController {

    private final Quizzes quizzes;

    QuizController(Quizzes quizzes) {
        this.quizzes = quizzes;
    }

    @PostMapping
    @PreAuthorize("@permissions.allow('manage:quizzes')")
    @Operation(summary = "Create a quiz (a draft) on a published curriculum")
    ResponseEntity<Quiz> create(@Valid @RequestBody NewQuiz request) {
        Quiz quiz = quizzes.create(request, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/quizzes/" + quiz.id())).body(quiz);
    }

    @GetMapping
    @PreAuthorize("@permissions.allow('manage:quizzes') or @permissions.allow('read:quizzes') "
            + "or @permissions.allow('read:courses')")
    @Operation(summary = "A course's quizzes, newest first (a student: the published ones of their curriculum)")
    List<Quiz> list(@RequestParam UUID courseId, @RequestParam(required = false) UUID curriculumId) {
        return quizzes.list(courseId, curriculumId, Caller.current());
    }

    @GetMapping("/{id}")
    @PreAuthorize("@permissions.allow('manage:quizzes') or @permissions.allow('read:quizzes') "
            + "or @permissions.allow('read:courses')")
    @Operation(summary = "Read a quiz's settings")
    Quiz one(@PathVariable UUID id) {
        return quizzes.get(id, Caller.current());
    }

    @PatchMapping("/{id}")
    @PreAuthorize("@permissions.allow('manage:quizzes')")
    @Operation(summary = "Change a quiz's settings (after publishing, not those that decide marks)")
    Quiz change(@PathVariable UUID id, @Valid @RequestBody QuizChange change) {
        return quizzes.change(id, change, Caller.current());
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("@permissions.allow('manage:quizzes')")
    @Operation(summary = "Publish a quiz: its questions freeze and its curriculum's students may attempt it")
    Quiz publish(@PathVariable UUID id) {
        return quizzes.publish(id, Caller.current());
    }

    @GetMapping("/{id}/questions")
    @PreAuthorize("@permissions.allow('manage:quizzes') or @permissions.allow('read:quizzes')")
    @Operation(summary = "A quiz's questions in order, with their options and answer keys")
    List<Question> questions(@PathVariable UUID id) {
        return quizzes.questions(id, Caller.current());
    }

    @PostMapping("/{id}/questions")
    @PreAuthorize("@permissions.allow('manage:quizzes')")
    @Operation(summary = "Add a question at the end of a draft quiz")
    ResponseEntity<Question> add(@PathVariable UUID id, @Valid @RequestBody NewQuestion request) {
        Question question = quizzes.addQuestion(id, request, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/quizzes/" + id + "/questions/" + question.id()))
                .body(question);
    }

    @PostMapping(path = "/{id}/questions/import", consumes = "text/csv")
    @PreAuthorize("@permissions.allow('manage:quizzes')")
    @Operation(summary = "Add questions from a CSV file to a draft quiz: all of them, or none with every bad line named",
            description = "Header: type,text,points,negative_points,options,correct,explanation,policy. Options are "
                    + "separated by |; correct names option numbers (1|3), true or false, or a short answer's keys "
                    + "(patterns with *, or #number~tolerance) separated by |.")
    ResponseEntity<List<Question>> importCsv(@PathVariable UUID id, @RequestBody String csv) {
        List<Question> added = quizzes.importQuestions(id, csv, Caller.current());
        return ResponseEntity.status(201).body(added);
    }

    @PutMapping("/{id}/questions/{questionId}")
    @PreAuthorize("@permissions.allow('manage:quizzes')")
    @Operation(summary = "Replace a question of a draft quiz (it keeps its place)")
    Question replace(@PathVariable UUID id, @PathVariable UUID questionId, @Valid @RequestBody NewQuestion request) {
        return quizzes.replaceQuestion(id, questionId, request, Caller.current());
    }

    @DeleteMapping("/{id}/questions/{questionId}")
    @PreAuthorize("@permissions.allow('manage:quizzes')")
    @Operation(summary = "Remove a question from a draft quiz")
    ResponseEntity<Void> remove(@PathVariable UUID id, @PathVariable UUID questionId) {
        quizzes.removeQuestion(id, questionId, Caller.current());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/questions/order")
    @PreAuthorize("@permissions.allow('manage:quizzes')")
    @Operation(summary = "Put a draft quiz's questions in a new order (every question once)")
    List<Question> reorder(@PathVariable UUID id, @Valid @RequestBody Order order) {
        return quizzes.reorder(id, order.questionIds(), Caller.current());
    }

    @PutMapping("/{id}/questions/{questionId}/key")
    @PreAuthorize("@permissions.allow('manage:quizzes')")
    @Operation(summary = "Change the answer key of a published quiz's question (a new key version)")
    Question changeKey(@PathVariable UUID id, @PathVariable UUID questionId,
            @Valid @RequestBody NewQuestion.NewAnswerKey key) {
        return quizzes.changeKey(id, questionId, key, Caller.current());
    }

    /** The questions of a quiz in their new order. */
    record Order(@NotNull @Size(max = 500) List<@NotNull UUID> questionIds) {
    }
}
