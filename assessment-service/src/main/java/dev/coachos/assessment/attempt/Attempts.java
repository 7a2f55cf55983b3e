package dev.coachos.assessment.attempt;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.coachos.assessment.AssessmentEvents;
import dev.coachos.assessment.AssessmentSettings;
import dev.coachos.assessment.enrollment.Roster;
import dev.coachos.assessment.grading.Answer;
import dev.coachos.assessment.grading.AttemptScore;
import dev.coachos.assessment.grading.Grader;
import dev.coachos.assessment.grading.Mark;
import dev.coachos.assessment.grading.MultiSelectPolicy;
import dev.coachos.assessment.grading.Outcome;
import dev.coachos.assessment.grading.QuestionKey;
import dev.coachos.assessment.grading.QuestionType;
import dev.coachos.assessment.grading.ShortAnswerKey;
import dev.coachos.assessment.quiz.Question;
import dev.coachos.assessment.quiz.Quiz;
import dev.coachos.assessment.quiz.QuizAccess;
import dev.coachos.assessment.quiz.Quizzes;
import dev.coachos.assessment.quiz.ShortAnswerKeys;
import dev.coachos.events.assessment.QuizGraded;
import dev.coachos.events.assessment.QuizSubmitted;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attempts: a student starts one (its question and option order fixed and stored), saves answers
 * one question at a time until the deadline (plus a grace), and submits; grading happens here, on
 * the server, with the answer key in force. Teachers grade what waits for them and may override
 * any automatic mark (both are kept). A student reaches only their own attempts; a teacher those
 * at their courses' quizzes; anyone else gets a 404.
 */
@Service
public class Attempts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Attempts.class);
    private static final Random SHUFFLE = new SecureRandom();

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Quizzes quizzes;
    private final QuizAccess access;
    private final Roster roster;
    private final AssessmentEvents events;
    private final Results results;
    private final Clock clock;
    private final Duration grace;
    private final TransactionTemplate eachAttempt;

    Attempts(JdbcClient jdbc, JdbcTemplate batches, Quizzes quizzes, QuizAccess access, Roster roster,
            AssessmentEvents events, Results results, Clock clock, AssessmentSettings settings,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.quizzes = quizzes;
        this.access = access;
        this.roster = roster;
        this.events = events;
        this.results = results;
        this.clock = clock;
        this.grace = settings.grace();
        this.eachAttempt = new TransactionTemplate(transactions);
        this.eachAttempt.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** A started attempt, and whether it is new (a student with one in progress gets that one back). */
    public record Started(Attempt attempt, boolean created) {
    }

    /**
     * Starts an attempt for the calling student, or hands back the one they have in progress (a
     * refresh or a second tab never gives a fresh one). Starting counts as an attempt.
     */
    @Transactional
    public Started start(UUID quizId, Caller caller) {
        Quiz quiz = quizzes.find(quizId).orElseThrow(() -> Problems.notFound("quiz", quizId));
        if (!QuizAccess.isStudent(caller) || quiz.status() != Quiz.Status.PUBLISHED) {
            throw Problems.notFound("quiz", quizId);
        }
        Roster.Place place = roster.activePlace(caller.userId(), quiz.courseId())
                .filter(p -> quiz.curriculumId().equals(p.curriculumId()))
                .orElseThrow(() -> Problems.notFound("quiz", quizId));
        // One start at a time per student and quiz: two tabs racing get the same attempt.
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?), hashtext(?))")
                .params(quizId.toString(), caller.userId().toString()).query().singleRow();
        Optional<Attempt> running = jdbc.sql("select " + Attempt.COLUMNS
                + " from attempt a where a.quiz_id = ? and a.student_id = ? and a.status = 'IN_PROGRESS'")
                .params(quizId, caller.userId()).query(Attempt::read).optional();
        Instant now = clock.instant();
        if (running.isPresent()) {
            if (running.get().open(now, grace)) {
                return new Started(running.get(), false);
            }
            // Its time ran out before the sweep came by: submitted now with what was saved, then a new one.
            submitAndGrade(loadUnchecked(running.get().id()), "DEADLINE");
        }
        if (quiz.opensAt() != null && now.isBefore(quiz.opensAt())) {
            throw Problems.conflict("Quiz " + quizId + " opens at " + quiz.opensAt());
        }
        if (quiz.closedAt(now)) {
            throw Problems.conflict("Quiz " + quizId + " closed at " + quiz.closesAt());
        }
        int taken = jdbc.sql("select count(*) from attempt where quiz_id = ? and student_id = ?")
                .params(quizId, caller.userId()).query(Integer.class).single();
        if (quiz.attemptsAllowed() > 0 && taken >= quiz.attemptsAllowed()) {
            throw Problems.conflict("You have used all " + quiz.attemptsAllowed() + " attempt(s) at quiz " + quizId);
        }
        List<Question> questions = quizzes.questionsOf(quizId, quiz.keyVersion());
        List<UUID> order = new ArrayList<>(questions.stream().map(Question::id).toList());
        if (quiz.shuffleQuestions()) {
            Collections.shuffle(order, SHUFFLE);
        }
        Map<String, List<UUID>> optionOrder = new LinkedHashMap<>();
        for (Question question : questions) {
            List<UUID> options = new ArrayList<>(question.options().stream().map(Question.Option::id).toList());
            if (quiz.shuffleOptions() && question.type() != QuestionType.TRUE_FALSE) {
                Collections.shuffle(options, SHUFFLE);
            }
            optionOrder.put(question.id().toString(), options);
        }
        Instant deadline = quiz.closesAt();
        if (quiz.durationMinutes() != null) {
            Instant timeUp = now.plus(Duration.ofMinutes(quiz.durationMinutes()));
            deadline = deadline == null || timeUp.isBefore(deadline) ? timeUp : deadline;
        }
        UUID id = UuidV7.next();
        jdbc.sql("""
                insert into attempt (id, quiz_id, student_id, number, status, started_at, deadline, question_order,
                    option_order, max_score)
                values (?, ?, ?, ?, 'IN_PROGRESS', ?, ?, cast(? as uuid[]), cast(? as jsonb), ?)""")
                .params(id, quizId, caller.userId(), taken + 1, Timestamp.from(now),
                        deadline == null ? null : Timestamp.from(deadline),
                        order.stream().map(UUID::toString).toArray(String[]::new),
                        JSON.writeValueAsString(optionOrder), quiz.maxScore())
                .update();
        batches.batchUpdate("insert into response (attempt_id, question_id) values (?, ?)",
                order.stream().map(q -> new Object[] {id, q}).toList());
        return new Started(attempt(id).orElseThrow(), true);
    }

    /** The attempt as the caller may see it now. */
    @Transactional(readOnly = true)
    public AttemptView view(UUID attemptId, Caller caller) {
        Loaded loaded = load(attemptId, caller);
        return view(loaded, loaded.teacher());
    }

    /** The caller's attempts at a quiz (a student), or every attempt at it (those who read its quizzes). */
    @Transactional(readOnly = true)
    public List<Attempt> of(UUID quizId, Caller caller) {
        Quiz quiz = quizzes.find(quizId).orElseThrow(() -> Problems.notFound("quiz", quizId));
        if (access.reads(caller, quiz.courseId())) {
            Roster.BranchFilter branch = roster.branchFilter(caller, quiz.courseId(), "a.student_id");
            return jdbc.sql("select " + Attempt.COLUMNS + " from attempt a where a.quiz_id = :quiz" + branch.sql()
                    + " order by a.student_id, a.number").param("quiz", quizId).params(branch.params())
                    .query(Attempt::read).list();
        }
        if (QuizAccess.isStudent(caller)) {
            boolean closed = quiz.closedForReview(clock.instant(), grace);
            List<Attempt> own = jdbc.sql("select " + Attempt.COLUMNS + " from attempt a where a.quiz_id = ? "
                    + "and a.student_id = ? order by a.number").params(quizId, caller.userId()).query(Attempt::read)
                    .list();
            if (own.isEmpty() && !quizzes.studies(caller, quiz)) {
                throw Problems.notFound("quiz", quizId);
            }
            return own.stream()
                    .map(a -> quiz.review().marks().allows(a.status() != Attempt.Status.IN_PROGRESS, closed) ? a
                            : a.withoutMarks())
                    .toList();
        }
        throw Problems.notFound("quiz", quizId);
    }

    /**
     * Saves the answer to one question (saving the same answer again changes nothing). It reads
     * only what one answer needs, whatever the size of the quiz: the attempt (locked) with this
     * question's place and option order, the quiz's settings, the question with its key.
     */
    @Transactional
    public AttemptView.QuestionView answer(UUID attemptId, UUID questionId, NewAnswer answer, Caller caller) {
        record Row(Attempt attempt, Integer number, String optionOrder) {
        }
        Row row = jdbc.sql("select " + Attempt.COLUMNS + """
                , array_position(a.question_order, :question) as number,
                    (a.option_order -> cast(:question as text))::text as option_order_text
                from attempt a where a.id = :attempt for update""")
                .param("question", questionId).param("attempt", attemptId)
                .query((rs, n) -> new Row(Attempt.read(rs, n), (Integer) rs.getObject("number"),
                        rs.getString("option_order_text")))
                .optional().orElseThrow(() -> Problems.notFound("attempt", attemptId));
        Attempt attempt = row.attempt();
        Quiz quiz = quizzes.find(attempt.quizId()).orElseThrow();
        if (!attempt.studentId().equals(caller.userId())) {
            if (access.reads(caller, quiz.courseId())) {
                throw Problems.forbidden("Only the student whose attempt it is answers its questions");
            }
            throw Problems.notFound("attempt", attemptId);
        }
        requireOpen(attempt);
        if (row.number() == null) {
            throw Problems.notFound("question", questionId);
        }
        Question question = quizzes.question(quiz.id(), questionId, quiz.keyVersion());
        Set<UUID> selected = answer.optionIds() == null ? Set.of() : Set.copyOf(answer.optionIds());
        String text = answer.text() == null || answer.text().isBlank() ? null : answer.text().strip();
        if (question.type() == QuestionType.SHORT_ANSWER) {
            if (!selected.isEmpty()) {
                throw Problems.invalidField("optionIds", "a short-answer question takes text, not options");
            }
        } else {
            if (text != null) {
                throw Problems.invalidField("text", "question " + questionId + " takes options, not text");
            }
            Set<UUID> own = question.options().stream().map(Question.Option::id).collect(Collectors.toSet());
            if (!own.containsAll(selected)) {
                throw Problems.invalidField("optionIds", "names an option that is not one of question "
                        + questionId + "'s");
            }
            if (question.type() != QuestionType.MULTIPLE_SELECT && selected.size() > 1) {
                throw Problems.invalidField("optionIds", "a " + question.type() + " question takes one option");
            }
        }
        List<UUID> stored = selected.stream().sorted().toList();
        Instant now = clock.instant();
        // A quiz that shows each answer's result at once takes each answer once: changing it after
        // seeing whether it was right would be trying until right.
        boolean oncePerAnswer = quiz.review().correctness() == Quiz.When.DURING || quiz.review().marks() == Quiz.When.DURING;
        int saved = jdbc.sql("""
                update response set selected_option_ids = cast(:options as uuid[]), text_answer = :text, saved_at = :now
                where attempt_id = :attempt and question_id = :question
                    and (not :once or saved_at is null
                        or (selected_option_ids = cast(:options as uuid[]) and text_answer is not distinct from :text))""")
                .param("options", stored.stream().map(UUID::toString).toArray(String[]::new)).param("text", text)
                .param("now", Timestamp.from(now)).param("attempt", attemptId).param("question", questionId)
                .param("once", oncePerAnswer)
                .update();
        if (saved == 0) {
            throw Problems.conflict("Question " + questionId + " was answered already: this quiz shows each "
                    + "answer's result at once, so an answer, once given, is final");
        }
        List<UUID> order = row.optionOrder() == null ? List.of()
                : JSON.readValue(row.optionOrder(), new TypeReference<List<UUID>>() {
                });
        Response response = new Response(questionId, stored, text, now, null, null, null, null);
        return questionView(quiz, attempt, question, order, response, row.number(), false);
    }

    /** Submits the attempt and grades it at once. */
    @Transactional
    public AttemptView submit(UUID attemptId, Caller caller) {
        Loaded loaded = load(attemptId, caller, true);
        if (!loaded.attempt().studentId().equals(caller.userId())) {
            throw Problems.forbidden("Only the student whose attempt it is submits it");
        }
        if (loaded.attempt().status() != Attempt.Status.IN_PROGRESS) {
            throw Problems.conflict("Attempt " + attemptId + " is submitted");
        }
        // After the deadline and its grace it is submitted all the same, as the deadline's (with what
        // was saved by then: later answers were refused).
        submitAndGrade(loaded, loaded.attempt().open(clock.instant(), grace) ? "STUDENT" : "DEADLINE");
        return view(load(attemptId, caller), false);
    }

    /**
     * Submits, with the answers they had saved, attempts whose deadline and grace have passed: at
     * most {@code limit} of them, in one transaction; answers how many.
     */
    @Transactional
    public int submitOverdue(int limit) {
        Instant cutoff = clock.instant().minus(grace);
        List<UUID> overdue = jdbc.sql("""
                select id from attempt where status = 'IN_PROGRESS' and deadline < ?
                order by deadline limit ? for update skip locked""")
                .params(Timestamp.from(cutoff), limit).query(UUID.class).list();
        int submitted = 0;
        for (UUID id : overdue) {
            try {
                // Each in a savepoint of its own: one that cannot be graded does not hold up the others.
                eachAttempt.executeWithoutResult(status -> submitAndGrade(loadUnchecked(id), "DEADLINE"));
                submitted++;
            } catch (RuntimeException failed) {
                log.error("Attempt {} is overdue but could not be submitted: {}", id, failed.toString());
            }
        }
        return submitted;
    }

    /**
     * A teacher's grade for one answer of a submitted attempt, with feedback: for an answer that
     * waited for them, or over an automatic mark (which is kept beside it).
     */
    @Transactional
    public AttemptView grade(UUID attemptId, UUID questionId, ManualGrade grade, Caller caller) {
        Loaded loaded = load(attemptId, caller, true);
        if (!access.manages(caller, loaded.quiz().courseId())) {
            throw Problems.forbidden("Grading needs manage:quizzes on the quiz's course");
        }
        if (loaded.attempt().status() == Attempt.Status.IN_PROGRESS) {
            throw Problems.conflict("Attempt " + attemptId + " is still in progress");
        }
        Question question = loaded.questions().get(questionId);
        if (question == null) {
            throw Problems.notFound("question", questionId);
        }
        BigDecimal lowest = question.negativePoints().negate();
        if (grade.points().compareTo(question.points()) > 0 || grade.points().compareTo(lowest) < 0) {
            throw Problems.invalidField("points", "must be between " + lowest.toPlainString() + " and "
                    + question.points().toPlainString() + " for question " + questionId);
        }
        jdbc.sql("""
                update response set manual_points = ?, feedback = ?, graded_by = ?, graded_at = ?
                where attempt_id = ? and question_id = ?""")
                .params(grade.points().setScale(2), grade.feedback(), caller.userId(), Timestamp.from(clock.instant()),
                        attemptId, questionId)
                .update();
        BigDecimal previous = loaded.attempt().score();
        Totals totals = total(attemptId, loaded.quiz());
        Attempt graded = attempt(attemptId).orElseThrow();
        events.quizGraded(new QuizGraded(attemptId.toString(), loaded.quiz().id().toString(),
                loaded.quiz().courseId().toString(), graded.studentId().toString(), loaded.quiz().title(), "MANUAL",
                previous == null ? null : previous.toPlainString(), totals.score().score().toPlainString(),
                totals.score().maxScore().toPlainString(), totals.score().percent().toPlainString(),
                totals.score().passed(), graded.status().name(), caller.userId().toString(),
                results.of(loaded.quiz(), graded.studentId()).map(Results.Result::event).orElse(null),
                marksVisible(loaded.quiz())));
        return view(load(attemptId, caller), true);
    }

    // ---- regrading ----

    /**
     * One submitted attempt's score before and after a regrade with the quiz's current answer keys
     * (a teacher's grades are kept and still count in place of the automatic marks).
     */
    public record Regrade(UUID attemptId, UUID studentId, int number, int fromKeyVersion, int toKeyVersion,
            BigDecimal oldScore, BigDecimal newScore, Boolean oldPassed, Boolean newPassed, String oldStatus,
            String newStatus, boolean changed) {
    }

    /**
     * Regrades every submitted attempt graded with an older key version than the quiz's: a dry run
     * lists old and new scores and changes nothing; the real run stores the new marks and tells each
     * student whose result changed ({@code QuizGraded} REGRADE).
     */
    @Transactional
    public List<Regrade> regrade(UUID quizId, boolean apply, Caller caller) {
        jdbc.sql("select id from quiz where id = ? for update").param(quizId).query(UUID.class).optional();
        Quiz quiz = quizzes.find(quizId).orElseThrow(() -> Problems.notFound("quiz", quizId));
        if (!access.manages(caller, quiz.courseId())) {
            if (access.reads(caller, quiz.courseId())) {
                throw Problems.forbidden("Regrading needs manage:quizzes on the quiz's course");
            }
            throw Problems.notFound("quiz", quizId);
        }
        if (caller.teacherProfileId().isEmpty() && !caller.seesAllBranches()) {
            throw Problems.forbidden("A regrade changes the attempts of every branch: it needs access:all_branches "
                    + "or a teacher of the course");
        }
        List<UUID> stale = jdbc.sql("""
                select id from attempt where quiz_id = ? and status <> 'IN_PROGRESS' and key_version < ?
                order by student_id, number for update""")
                .params(quizId, quiz.keyVersion()).query(UUID.class).list();
        Map<UUID, Question> current = quizzes.questionsOf(quizId, quiz.keyVersion()).stream()
                .collect(Collectors.toMap(Question::id, Function.identity()));
        List<Regrade> lines = new ArrayList<>();
        for (UUID id : stale) {
            Loaded loaded = loadUnchecked(id);
            Attempt attempt = loaded.attempt();
            List<Object[]> marks = new ArrayList<>();
            List<BigDecimal> points = new ArrayList<>();
            boolean pending = false;
            for (Response response : loaded.responses().values()) {
                Mark mark = Grader.grade(key(current.get(response.questionId()), quiz),
                        new Answer(Set.copyOf(response.selected()), response.text()));
                marks.add(new Object[] {mark.outcome().name(), mark.points(), mark.matchedKey(), id,
                        response.questionId()});
                points.add(response.manualPoints() != null ? response.manualPoints() : mark.points());
                pending |= mark.outcome() == Outcome.NEEDS_REVIEW && response.manualPoints() == null;
            }
            AttemptScore score = AttemptScore.total(points, quiz.maxScore(), quiz.passingPercent(), pending);
            Attempt.Status status = pending ? Attempt.Status.PENDING_REVIEW : Attempt.Status.GRADED;
            boolean changed = attempt.score() == null || score.score().compareTo(attempt.score()) != 0
                    || status != attempt.status() || !java.util.Objects.equals(score.passed(), attempt.passed());
            lines.add(new Regrade(id, attempt.studentId(), attempt.number(), attempt.keyVersion(), quiz.keyVersion(),
                    attempt.score(), score.score(), attempt.passed(), score.passed(), attempt.status().name(),
                    status.name(), changed));
            if (apply) {
                batches.batchUpdate("""
                        update response set auto_outcome = ?, auto_points = ?, matched_key = ?
                        where attempt_id = ? and question_id = ?""", marks);
                jdbc.sql("update attempt set key_version = ? where id = ?").params(quiz.keyVersion(), id).update();
                Totals totals = total(id, quiz);
                if (changed) {
                    events.quizGraded(new QuizGraded(id.toString(), quizId.toString(), quiz.courseId().toString(),
                            attempt.studentId().toString(), quiz.title(), "REGRADE",
                            attempt.score() == null ? null : attempt.score().toPlainString(),
                            totals.score().score().toPlainString(), totals.score().maxScore().toPlainString(),
                            totals.score().percent().toPlainString(), totals.score().passed(), totals.status().name(),
                            caller.userId().toString(),
                            results.of(quiz, attempt.studentId()).map(Results.Result::event).orElse(null),
                            marksVisible(quiz)));
                }
            }
        }
        return lines;
    }

    // ---- grading ----

    private void submitAndGrade(Loaded loaded, String by) {
        Instant now = clock.instant();
        Attempt attempt = loaded.attempt();
        Quiz quiz = loaded.quiz();
        List<Object[]> marks = new ArrayList<>();
        for (Response response : loaded.responses().values()) {
            Question question = loaded.questions().get(response.questionId());
            Mark mark = Grader.grade(key(question, quiz), new Answer(Set.copyOf(response.selected()),
                    response.text()));
            marks.add(new Object[] {mark.outcome().name(), mark.points(), mark.matchedKey(), attempt.id(),
                    response.questionId()});
        }
        batches.batchUpdate("""
                update response set auto_outcome = ?, auto_points = ?, matched_key = ?
                where attempt_id = ? and question_id = ?""", marks);
        jdbc.sql("update attempt set submitted_at = ?, submitted_by = ?, key_version = ? where id = ?")
                .params(Timestamp.from(now), by, quiz.keyVersion(), attempt.id()).update();
        Totals totals = total(attempt.id(), quiz);
        UUID grader = roster.batchTeacher(attempt.studentId(), quiz.courseId()).orElse(quiz.curriculumTeacherId());
        events.quizSubmitted(new QuizSubmitted(attempt.id().toString(), quiz.id().toString(),
                quiz.courseId().toString(), attempt.studentId().toString(), quiz.title(), attempt.number(),
                totals.status().name(), totals.score().score().toPlainString(), totals.score().maxScore().toPlainString(),
                totals.score().percent().toPlainString(), totals.score().passed(), by,
                grader == null ? null : grader.toString(),
                results.of(quiz, attempt.studentId()).map(Results.Result::event).orElse(null),
                marksVisible(quiz)));
    }

    private record Totals(AttemptScore score, Attempt.Status status) {
    }

    /** Adds up the attempt's marks (a teacher's grade over the automatic one) and stores the result. */
    private Totals total(UUID attemptId, Quiz quiz) {
        List<Object[]> rows = jdbc.sql("""
                select coalesce(manual_points, auto_points, 0) as points,
                    (auto_outcome = 'NEEDS_REVIEW' and manual_points is null) as pending
                from response where attempt_id = ?""")
                .param(attemptId).query((rs, n) -> new Object[] {rs.getBigDecimal("points"), rs.getBoolean("pending")})
                .list();
        boolean pending = rows.stream().anyMatch(r -> (Boolean) r[1]);
        AttemptScore score = AttemptScore.total(rows.stream().map(r -> (BigDecimal) r[0]).toList(), quiz.maxScore(),
                quiz.passingPercent(), pending);
        Attempt.Status status = pending ? Attempt.Status.PENDING_REVIEW : Attempt.Status.GRADED;
        jdbc.sql("""
                update attempt set status = ?, score = ?, percent = ?, passed = ?, graded_at = ? where id = ?""")
                .params(status.name(), score.score(), score.percent(), score.passed(),
                        pending ? null : Timestamp.from(clock.instant()), attemptId)
                .update();
        return new Totals(score, status);
    }

    /** What grading needs of a question, with the policy of a multiple-select question decided. */
    static QuestionKey key(Question question, Quiz quiz) {
        MultiSelectPolicy policy = question.type() != QuestionType.MULTIPLE_SELECT ? null
                : question.multiSelectPolicy() != null ? question.multiSelectPolicy() : quiz.multiSelectPolicy();
        List<ShortAnswerKey> shortKeys = question.key().shortKeys().stream().map(ShortAnswerKeys::of).toList();
        return new QuestionKey(question.type(), question.points(), question.negativePoints(), policy,
                question.options().size(), Set.copyOf(question.key().correctOptionIds()), shortKeys);
    }

    // ---- reading ----

    private Optional<Attempt> attempt(UUID id) {
        return jdbc.sql("select " + Attempt.COLUMNS + " from attempt a where a.id = ?").param(id).query(Attempt::read)
                .optional();
    }

    /** One saved response. */
    private record Response(UUID questionId, List<UUID> selected, String text, Instant savedAt, String outcome,
            BigDecimal autoPoints, BigDecimal manualPoints, String feedback) {
    }

    /**
     * An attempt with its quiz, its questions (by id, with the key it is graded by), its option
     * order and its responses (in the attempt's question order); {@code teacher} when the caller
     * reads it as one who reads the course's quizzes.
     */
    private record Loaded(Attempt attempt, Quiz quiz, Map<UUID, Question> questions, Map<String, List<UUID>> optionOrder,
            Map<UUID, Response> responses, boolean teacher) {
    }

    private Loaded load(UUID attemptId, Caller caller) {
        return load(attemptId, caller, false);
    }

    private Loaded load(UUID attemptId, Caller caller, boolean lock) {
        if (lock) {
            jdbc.sql("select id from attempt where id = ? for update").param(attemptId).query(UUID.class).optional();
        }
        Loaded loaded = loadUnchecked(attemptId);
        if (loaded.attempt().studentId().equals(caller.userId())) {
            return loaded;
        }
        if (access.reads(caller, loaded.quiz().courseId()) && reachesStudent(caller, loaded)) {
            return new Loaded(loaded.attempt(), loaded.quiz(), loaded.questions(), loaded.optionOrder(),
                    loaded.responses(), true);
        }
        throw Problems.notFound("attempt", attemptId);
    }

    /** Staff limited to a branch reach the attempts of that branch's students only; teachers those of their courses. */
    private boolean reachesStudent(Caller caller, Loaded loaded) {
        if (caller.seesAllBranches() || caller.teacherProfileId().isPresent()) {
            return true;
        }
        Optional<UUID> branch = roster.branchOf(loaded.attempt().studentId(), loaded.quiz().courseId());
        return branch.isPresent() && caller.reaches(branch);
    }

    /**
     * The attempt with everything a view or a grading needs, in four statements whatever the
     * number of questions: the attempt (with its orders), its quiz, the quiz's questions with their
     * options and keys, and its responses.
     */
    private Loaded loadUnchecked(UUID attemptId) {
        record Row(Attempt attempt, String optionOrder, List<UUID> questionOrder) {
        }
        Row row = jdbc.sql("select " + Attempt.COLUMNS
                + ", a.option_order::text as option_order_text, a.question_order from attempt a where a.id = ?")
                .param(attemptId)
                .query((rs, n) -> new Row(Attempt.read(rs, n), rs.getString("option_order_text"),
                        Quizzes.uuids(rs.getArray("question_order"))))
                .optional().orElseThrow(() -> Problems.notFound("attempt", attemptId));
        Attempt attempt = row.attempt();
        Quiz quiz = quizzes.find(attempt.quizId()).orElseThrow();
        int keyVersion = attempt.keyVersion() != null ? attempt.keyVersion() : quiz.keyVersion();
        Map<UUID, Question> questions = quizzes.questionsOf(quiz.id(), keyVersion).stream()
                .collect(Collectors.toMap(Question::id, Function.identity()));
        Map<String, List<UUID>> optionOrder = JSON.readValue(row.optionOrder(),
                new TypeReference<Map<String, List<UUID>>>() {
                });
        Map<UUID, Response> byQuestion = new HashMap<>();
        jdbc.sql("""
                select question_id, selected_option_ids, text_answer, saved_at, auto_outcome, auto_points, manual_points,
                    feedback from response where attempt_id = ?""")
                .param(attemptId).query(rs -> {
                    Timestamp saved = rs.getTimestamp("saved_at");
                    UUID question = rs.getObject("question_id", UUID.class);
                    byQuestion.put(question, new Response(question, Quizzes.uuids(rs.getArray("selected_option_ids")),
                            rs.getString("text_answer"), saved == null ? null : saved.toInstant(),
                            rs.getString("auto_outcome"), rs.getBigDecimal("auto_points"),
                            rs.getBigDecimal("manual_points"), rs.getString("feedback")));
                });
        Map<UUID, Response> responses = new LinkedHashMap<>();
        row.questionOrder().forEach(q -> responses.put(q, byQuestion.get(q)));
        return new Loaded(attempt, quiz, questions, optionOrder, responses, false);
    }

    private AttemptView view(Loaded loaded, boolean teacher) {
        Attempt attempt = loaded.attempt();
        Quiz quiz = loaded.quiz();
        boolean closed = quiz.closedForReview(clock.instant(), grace);
        boolean submitted = attempt.status() != Attempt.Status.IN_PROGRESS;
        boolean marks = teacher || quiz.review().marks().allows(submitted, closed);
        List<AttemptView.QuestionView> views = new ArrayList<>();
        int number = 0;
        for (Response response : loaded.responses().values()) {
            Question question = loaded.questions().get(response.questionId());
            List<UUID> order = loaded.optionOrder().getOrDefault(question.id().toString(), List.of());
            views.add(questionView(quiz, attempt, question, order, response, ++number, teacher));
        }
        Attempt shownAttempt = marks ? attempt : attempt.withoutMarks();
        return new AttemptView(shownAttempt, quiz.title(), closed, views);
    }

    /**
     * One question as the attempt shows it: its options in the attempt's order, the answer saved,
     * and what grading found as far as the review settings allow now (everything for a teacher).
     * While the attempt is in progress, marks and correctness shown DURING come from grading the
     * answer saved so far.
     */
    private AttemptView.QuestionView questionView(Quiz quiz, Attempt attempt, Question question, List<UUID> order,
            Response response, int number, boolean teacher) {
        boolean closed = quiz.closedForReview(clock.instant(), grace);
        boolean submitted = attempt.status() != Attempt.Status.IN_PROGRESS;
        boolean marks = teacher || quiz.review().marks().allows(submitted, closed);
        boolean correctness = teacher || quiz.review().correctness().allows(submitted, closed);
        boolean answers = teacher || quiz.review().answers().allows(submitted, closed);
        Map<UUID, Question.Option> options = question.options().stream()
                .collect(Collectors.toMap(Question.Option::id, Function.identity()));
        List<AttemptView.OptionView> shown = order.stream().map(options::get)
                .map(o -> new AttemptView.OptionView(o.id(), o.text())).toList();
        String outcome = response.outcome();
        BigDecimal points = response.manualPoints() != null ? response.manualPoints() : response.autoPoints();
        if (!submitted && (marks || correctness)) {
            Mark now = Grader.grade(key(question, quiz), new Answer(Set.copyOf(response.selected()), response.text()));
            outcome = now.outcome().name();
            points = now.points();
        }
        if (response.manualPoints() != null && Outcome.NEEDS_REVIEW.name().equals(outcome)) {
            outcome = "GRADED_BY_TEACHER";
        }
        return new AttemptView.QuestionView(question.id(), number, question.type(), question.text(), question.points(),
                question.negativePoints(), shown, response.selected(), response.text(), response.savedAt(),
                correctness ? outcome : null, marks ? points : null,
                answers ? question.key().correctOptionIds() : null, answers ? question.explanation() : null,
                marks ? response.feedback() : null);
    }

    /** Whether the student of a submitted attempt may see its marks now, as the quiz's review settings say. */
    private boolean marksVisible(Quiz quiz) {
        return quiz.review().marks().allows(true, quiz.closedForReview(clock.instant(), grace));
    }

    private void requireOpen(Attempt attempt) {
        if (attempt.status() != Attempt.Status.IN_PROGRESS) {
            throw Problems.conflict("Attempt " + attempt.id() + " is submitted");
        }
        if (!attempt.open(clock.instant(), grace)) {
            throw Problems.conflict("Attempt " + attempt.id() + " ran out of time at " + attempt.deadline()
                    + ": what was saved by then is submitted");
        }
    }
}
