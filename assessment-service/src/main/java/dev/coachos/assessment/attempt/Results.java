package dev.coachos.assessment.attempt;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.assessment.AssessmentSettings;
import dev.coachos.assessment.enrollment.Roster;
import dev.coachos.assessment.grading.GradingMethod;
import dev.coachos.assessment.grading.Marks;
import dev.coachos.assessment.quiz.Quiz;
import dev.coachos.assessment.quiz.QuizAccess;
import dev.coachos.assessment.quiz.Quizzes;
import dev.coachos.events.assessment.QuizResult;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;

/**
 * Students' results on quizzes: the quiz's grading method (HIGHEST, AVERAGE, FIRST, LAST) over
 * their GRADED attempts, in attempt order. Every attempt of a quiz has the same maximum (its
 * questions are frozen), so the method combines scores and the percentage and the pass follow
 * from the combined score (AVERAGE rounded once, like every mark). Per quiz, and per batch as a
 * gradebook.
 */
@Service
public class Results {

    private final JdbcClient jdbc;
    private final Quizzes quizzes;
    private final QuizAccess access;
    private final Roster roster;
    private final Clock clock;
    private final java.time.Duration grace;

    Results(JdbcClient jdbc, Quizzes quizzes, QuizAccess access, Roster roster, Clock clock,
            AssessmentSettings settings) {
        this.jdbc = jdbc;
        this.quizzes = quizzes;
        this.access = access;
        this.roster = roster;
        this.clock = clock;
        this.grace = settings.grace();
    }

    /** One student's result on one quiz. */
    public record Result(UUID quizId, UUID studentId, GradingMethod gradingMethod, int gradedAttempts,
            BigDecimal score, BigDecimal maxScore, BigDecimal percent, boolean passed) {

        QuizResult event() {
            return new QuizResult(gradingMethod.name(), gradedAttempts, score.toPlainString(), maxScore.toPlainString(),
                    percent.toPlainString(), passed);
        }
    }

    /** The student's result on the quiz, when they have a graded attempt. */
    Optional<Result> of(Quiz quiz, UUID studentId) {
        List<BigDecimal> scores = jdbc.sql("""
                select score from attempt where quiz_id = ? and student_id = ? and status = 'GRADED' order by number""")
                .params(quiz.id(), studentId).query(BigDecimal.class).list();
        return combine(quiz, studentId, scores);
    }

    /** Every student's result on a quiz (for those who read its quizzes), or the caller's own (a student). */
    @Transactional(readOnly = true)
    public List<Result> forQuiz(UUID quizId, Caller caller) {
        Quiz quiz = quizzes.find(quizId).orElseThrow(() -> Problems.notFound("quiz", quizId));
        if (access.reads(caller, quiz.courseId())) {
            Roster.BranchFilter branch = roster.branchFilter(caller, quiz.courseId(), "student_id");
            return combineAll(quiz, jdbc.sql("""
                    select student_id, score from attempt where quiz_id = :quiz and status = 'GRADED'""" + branch.sql()
                    + " order by student_id, number").param("quiz", quizId).params(branch.params())
                    .query((rs, n) -> Map.entry(rs.getObject("student_id", UUID.class), rs.getBigDecimal("score")))
                    .list());
        }
        if (QuizAccess.isStudent(caller) && quiz.status() == Quiz.Status.PUBLISHED) {
            Optional<Result> own = of(quiz, caller.userId());
            if (own.isEmpty() && !quizzes.studies(caller, quiz)) {
                throw Problems.notFound("quiz", quizId);
            }
            boolean closed = quiz.closedForReview(clock.instant(), grace);
            return quiz.review().marks().allows(true, closed) ? own.stream().toList() : List.of();
        }
        throw Problems.notFound("quiz", quizId);
    }

    /**
     * A published quiz as its student sees it in their list: the attempts they have used and have
     * left (null: unlimited), the one in progress, and their result so far (null while none is
     * graded, or while the quiz's review settings hide marks).
     */
    public record StudentQuiz(Quiz quiz, int attemptsUsed, Integer attemptsLeft, UUID attemptInProgress,
            Result result) {
    }

    /** The calling student's quizzes of a course (those of the curriculum they follow), newest first. */
    @Transactional(readOnly = true)
    public List<StudentQuiz> mine(UUID courseId, Caller caller) {
        if (!QuizAccess.isStudent(caller)) {
            throw Problems.forbidden("Only a student has quizzes to take");
        }
        List<Quiz> published = quizzes.list(courseId, null, caller);
        if (published.isEmpty()) {
            return List.of();
        }
        record Taken(UUID quizId, UUID attemptId, String status, BigDecimal score) {
        }
        Map<UUID, List<Taken>> taken = jdbc.sql("""
                select quiz_id, id, status, score from attempt
                where student_id = :student and quiz_id = any(cast(:quizzes as uuid[])) order by quiz_id, number""")
                .param("student", caller.userId())
                .param("quizzes", published.stream().map(q -> q.id().toString()).toArray(String[]::new))
                .query((rs, n) -> new Taken(rs.getObject("quiz_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getString("status"), rs.getBigDecimal("score")))
                .list().stream().collect(Collectors.groupingBy(Taken::quizId));
        List<StudentQuiz> list = new ArrayList<>();
        for (Quiz quiz : published) {
            List<Taken> theirs = taken.getOrDefault(quiz.id(), List.of());
            boolean closedNow = quiz.closedForReview(clock.instant(), grace);
            Result result = quiz.review().marks().allows(true, closedNow)
                    ? combine(quiz, caller.userId(), theirs.stream().filter(t -> t.status().equals("GRADED"))
                            .map(Taken::score).toList()).orElse(null)
                    : null;
            UUID inProgress = theirs.stream().filter(t -> t.status().equals("IN_PROGRESS")).map(Taken::attemptId)
                    .findFirst().orElse(null);
            list.add(new StudentQuiz(quiz, theirs.size(),
                    quiz.attemptsAllowed() == 0 ? null : Math.max(0, quiz.attemptsAllowed() - theirs.size()),
                    inProgress, result));
        }
        return list;
    }

    /** A batch's gradebook: its students (with their enrollment's status) by the published quizzes of its curriculum. */
    public record Gradebook(UUID batchId, String batchName, UUID courseId, UUID curriculumId, List<Column> quizzes,
            List<Row> students) {

        /** A quiz of the gradebook. */
        public record Column(UUID quizId, String title, BigDecimal maxScore, BigDecimal passingPercent,
                GradingMethod gradingMethod) {
        }

        /**
         * A student's results, one per quiz in the columns' order (null where they have none), and
         * the average percentage over the quizzes they have a result for (null when none).
         */
        public record Row(UUID studentId, String enrollmentStatus, List<Result> results, BigDecimal averagePercent,
                int passed) {
        }
    }

    @Transactional(readOnly = true)
    public Gradebook gradebook(UUID batchId, Caller caller) {
        Map<String, Object> batch = jdbc.sql("""
                select b.batch_id, b.name, b.course_id, b.branch_id,
                    (select c.curriculum_id from curriculum_view c
                     where c.course_id = b.course_id and (c.teacher_id = b.teacher_id or c.teacher_id is null)
                     order by c.teacher_id nulls last limit 1) as curriculum_id
                from batch_view b where b.batch_id = ?""")
                .param(batchId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> Problems.notFound("batch", batchId));
        UUID courseId = (UUID) batch.get("course_id");
        UUID branchId = (UUID) batch.get("branch_id");
        boolean reaches = caller.seesAllBranches() || caller.teacherProfileId().isPresent()
                || (branchId != null && caller.reaches(Optional.of(branchId)));
        if (!access.reads(caller, courseId) || !reaches) {
            throw Problems.notFound("batch", batchId);
        }
        UUID curriculumId = (UUID) batch.get("curriculum_id");
        List<Quiz> published = curriculumId == null ? List.of() : quizzes.publishedOn(curriculumId);
        Map<UUID, String> students = new LinkedHashMap<>();
        jdbc.sql("""
                select student_id, status from enrollment_view where batch_id = ? order by student_id""")
                .param(batchId).query(rs -> {
                    students.put(rs.getObject("student_id", UUID.class), rs.getString("status"));
                });
        Map<UUID, Map<UUID, List<BigDecimal>>> scores = new LinkedHashMap<>();
        if (!published.isEmpty() && !students.isEmpty()) {
            jdbc.sql("""
                    select quiz_id, student_id, score from attempt
                    where quiz_id = any(cast(:quizzes as uuid[])) and student_id = any(cast(:students as uuid[]))
                        and status = 'GRADED'
                    order by quiz_id, student_id, number""")
                    .param("quizzes", published.stream().map(q -> q.id().toString()).toArray(String[]::new))
                    .param("students", students.keySet().stream().map(UUID::toString).toArray(String[]::new))
                    .query(rs -> {
                        scores.computeIfAbsent(rs.getObject("quiz_id", UUID.class), k -> new LinkedHashMap<>())
                                .computeIfAbsent(rs.getObject("student_id", UUID.class), k -> new ArrayList<>())
                                .add(rs.getBigDecimal("score"));
                    });
        }
        List<Gradebook.Row> rows = new ArrayList<>();
        for (Map.Entry<UUID, String> student : students.entrySet()) {
            List<Result> results = new ArrayList<>();
            for (Quiz quiz : published) {
                List<BigDecimal> theirs = scores.getOrDefault(quiz.id(), Map.of()).getOrDefault(student.getKey(),
                        List.of());
                results.add(combine(quiz, student.getKey(), theirs).orElse(null));
            }
            List<BigDecimal> percents = results.stream().filter(r -> r != null).map(Result::percent).toList();
            BigDecimal average = percents.isEmpty() ? null
                    : Marks.share(percents.stream().reduce(BigDecimal.ZERO, BigDecimal::add), 1, percents.size());
            int passed = (int) results.stream().filter(r -> r != null && r.passed()).count();
            rows.add(new Gradebook.Row(student.getKey(), student.getValue(), results, average, passed));
        }
        return new Gradebook(batchId, (String) batch.get("name"), courseId, curriculumId,
                published.stream().map(q -> new Gradebook.Column(q.id(), q.title(), q.maxScore(), q.passingPercent(),
                        q.gradingMethod())).toList(),
                rows);
    }

    /** The gradebook as CSV: one line per student, a percentage column per quiz, then the average. */
    public static String csv(Gradebook book) {
        StringBuilder out = new StringBuilder("student_id,enrollment_status");
        for (Gradebook.Column column : book.quizzes()) {
            out.append(',').append(cell(column.title() + " (%)"));
        }
        out.append(",quizzes_passed,average_percent\r\n");
        for (Gradebook.Row row : book.students()) {
            out.append(row.studentId()).append(',').append(row.enrollmentStatus());
            for (Result result : row.results()) {
                out.append(',').append(result == null ? "" : result.percent().toPlainString());
            }
            out.append(',').append(row.passed()).append(',')
                    .append(row.averagePercent() == null ? "" : row.averagePercent().toPlainString()).append("\r\n");
        }
        return out.toString();
    }

    /** A CSV field: quoted when it holds a comma, quote or line break; a leading formula sign is defused. */
    static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private List<Result> combineAll(Quiz quiz, List<Map.Entry<UUID, BigDecimal>> rows) {
        Map<UUID, List<BigDecimal>> byStudent = rows.stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                LinkedHashMap::new, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return byStudent.entrySet().stream().map(e -> combine(quiz, e.getKey(), e.getValue()).orElseThrow()).toList();
    }

    private static Optional<Result> combine(Quiz quiz, UUID studentId, List<BigDecimal> scores) {
        if (scores.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal score = quiz.gradingMethod().over(scores);
        // An average is rounded to show it; whether it passes is decided on the exact sum
        // (sum × 100 ≥ passing × max × attempts), like every pass.
        boolean passed = quiz.gradingMethod() == GradingMethod.AVERAGE
                ? Marks.passes(scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                        quiz.maxScore().multiply(BigDecimal.valueOf(scores.size())), quiz.passingPercent())
                : Marks.passes(score, quiz.maxScore(), quiz.passingPercent());
        return Optional.of(new Result(quiz.id(), studentId, quiz.gradingMethod(), scores.size(), score,
                quiz.maxScore(), Marks.percent(score, quiz.maxScore()), passed));
    }
}
