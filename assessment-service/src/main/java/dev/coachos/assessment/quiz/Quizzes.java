package dev.coachos.assessment.quiz;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.assessment.AssessmentEvents;
import dev.coachos.assessment.course.Courses;
import dev.coachos.assessment.enrollment.Roster;
import dev.coachos.assessment.grading.GradingMethod;
import dev.coachos.assessment.grading.MultiSelectPolicy;
import dev.coachos.assessment.grading.QuestionType;
import dev.coachos.events.assessment.QuizPublished;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Quizzes and their questions: created on a published curriculum by those who teach or manage its
 * course, edited while DRAFT, frozen by publishing. After publishing only an answer key changes,
 * as a new key version. Students see the published quizzes of the curriculum they follow.
 */
@Service
public class Quizzes {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Courses courses;
    private final Roster roster;
    private final QuizAccess access;
    private final AssessmentEvents events;
    private final jakarta.validation.Validator validator;
    private final Clock clock;

    Quizzes(JdbcClient jdbc, Courses courses, Roster roster, QuizAccess access, AssessmentEvents events,
            jakarta.validation.Validator validator, Clock clock) {
        this.jdbc = jdbc;
        this.courses = courses;
        this.roster = roster;
        this.access = access;
        this.events = events;
        this.validator = validator;
        this.clock = clock;
    }

    // ---- quizzes ----

    @Transactional
    public Quiz create(NewQuiz request, Caller caller) {
        Courses.Curriculum curriculum = courses.curriculum(request.curriculumId())
                .orElseThrow(() -> Problems.invalidField("curriculumId",
                        "no published curriculum " + request.curriculumId() + " is known"));
        if (!access.manages(caller, curriculum.courseId())) {
            throw Problems.forbidden("You set quizzes only on the courses you teach (or need manage:quizzes)");
        }
        if (request.lessonId() != null && !courses.hasLesson(curriculum.curriculumId(), request.lessonId())) {
            throw Problems.invalidField("lessonId", "is not a lesson of curriculum " + curriculum.curriculumId());
        }
        if (request.moduleId() != null && !courses.hasModule(curriculum.curriculumId(), request.moduleId())) {
            throw Problems.invalidField("moduleId", "is not a module of curriculum " + curriculum.curriculumId());
        }
        requireWindow(request.opensAt(), request.closesAt());
        Quiz.Review review = new Quiz.Review(request.reviewMarks(), request.reviewCorrectness(), request.reviewAnswers());
        UUID id = UuidV7.next();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into quiz (id, curriculum_id, course_id, curriculum_teacher, module_id, lesson_id, title,
                    instructions, duration_minutes, opens_at, closes_at, passing_percent, attempts_allowed,
                    grading_method, shuffle_questions, shuffle_options, multi_select_policy, review_marks,
                    review_correctness, review_answers, status, created_by, created_at, updated_at)
                values (:id, :curriculum, :course, :teacher, :module, :lesson, :title, :instructions, :duration,
                    :opensAt, :closesAt, :passing, :attempts, :grading, :shuffleQuestions, :shuffleOptions, :policy,
                    :reviewMarks, :reviewCorrectness, :reviewAnswers, 'DRAFT', :by, :now, :now)""")
                .param("id", id).param("curriculum", curriculum.curriculumId()).param("course", curriculum.courseId())
                .param("teacher", curriculum.teacherId()).param("module", request.moduleId())
                .param("lesson", request.lessonId()).param("title", request.title().strip())
                .param("instructions", request.instructions())
                .param("duration", request.durationMinutes())
                .param("opensAt", timestamp(request.opensAt())).param("closesAt", timestamp(request.closesAt()))
                .param("passing", request.passingPercent() == null ? new BigDecimal("70.00") : request.passingPercent())
                .param("attempts", request.attemptsAllowed() == null ? 1 : request.attemptsAllowed())
                .param("grading", (request.gradingMethod() == null ? GradingMethod.HIGHEST : request.gradingMethod()).name())
                .param("shuffleQuestions", Boolean.TRUE.equals(request.shuffleQuestions()))
                .param("shuffleOptions", Boolean.TRUE.equals(request.shuffleOptions()))
                .param("policy", (request.multiSelectPolicy() == null ? MultiSelectPolicy.ALL_OR_NOTHING
                        : request.multiSelectPolicy()).name())
                .param("reviewMarks", review.marks().name()).param("reviewCorrectness", review.correctness().name())
                .param("reviewAnswers", review.answers().name())
                .param("by", caller.userId()).param("now", now)
                .update();
        return find(id).orElseThrow();
    }

    /** A quiz as its authors see it; for a student only a published quiz of their curriculum (no questions). */
    @Transactional(readOnly = true)
    public Quiz get(UUID id, Caller caller) {
        Quiz quiz = find(id).orElseThrow(() -> Problems.notFound("quiz", id));
        if (access.reads(caller, quiz.courseId()) || studies(caller, quiz)) {
            return quiz;
        }
        throw Problems.notFound("quiz", id);
    }

    /**
     * The quizzes of a course (optionally of one curriculum), newest first: every one for those who
     * read them, the published ones of the curriculum a student follows for a student.
     */
    @Transactional(readOnly = true)
    public List<Quiz> list(UUID courseId, UUID curriculumId, Caller caller) {
        if (access.reads(caller, courseId)) {
            return jdbc.sql("select " + Quiz.COLUMNS + " from quiz q where q.course_id = :course"
                    + (curriculumId == null ? "" : " and q.curriculum_id = :curriculum")
                    + " order by q.created_at desc, q.id desc")
                    .param("course", courseId).param("curriculum", curriculumId).query(Quiz::read).list();
        }
        if (QuizAccess.isStudent(caller)) {
            Optional<Roster.Place> place = roster.activePlace(caller.userId(), courseId);
            if (place.isEmpty() || place.get().curriculumId() == null
                    || (curriculumId != null && !curriculumId.equals(place.get().curriculumId()))) {
                return List.of();
            }
            return jdbc.sql("select " + Quiz.COLUMNS + " from quiz q where q.curriculum_id = ? and q.status = 'PUBLISHED'"
                    + " order by q.published_at desc, q.id desc")
                    .param(place.get().curriculumId()).query(Quiz::read).list();
        }
        throw Problems.forbidden("Reading a course's quizzes needs read:quizzes, manage:quizzes or a student's place in it");
    }

    @Transactional
    public Quiz change(UUID id, QuizChange change, Caller caller) {
        Quiz quiz = managed(id, caller, true);
        if (quiz.status() == Quiz.Status.PUBLISHED && change.changesMarking()) {
            throw Problems.conflict("Quiz " + id + " is published: its duration, passing score, grading method, "
                    + "shuffling and multiple-select policy no longer change");
        }
        Instant opensAt = Boolean.TRUE.equals(change.clearOpensAt()) ? null
                : change.opensAt() != null ? change.opensAt() : quiz.opensAt();
        Instant closesAt = Boolean.TRUE.equals(change.clearClosesAt()) ? null
                : change.closesAt() != null ? change.closesAt() : quiz.closesAt();
        requireWindow(opensAt, closesAt);
        Integer duration = Boolean.TRUE.equals(change.clearDuration()) ? null
                : change.durationMinutes() != null ? change.durationMinutes() : quiz.durationMinutes();
        Quiz.Review review = new Quiz.Review(
                change.reviewMarks() != null ? change.reviewMarks() : quiz.review().marks(),
                change.reviewCorrectness() != null ? change.reviewCorrectness() : quiz.review().correctness(),
                change.reviewAnswers() != null ? change.reviewAnswers() : quiz.review().answers());
        jdbc.sql("""
                update quiz set title = :title, instructions = :instructions, duration_minutes = :duration,
                    opens_at = :opensAt, closes_at = :closesAt, passing_percent = :passing, attempts_allowed = :attempts,
                    grading_method = :grading, shuffle_questions = :shuffleQuestions, shuffle_options = :shuffleOptions,
                    multi_select_policy = :policy, review_marks = :reviewMarks, review_correctness = :reviewCorrectness,
                    review_answers = :reviewAnswers, updated_at = :now
                where id = :id""")
                .param("id", id)
                .param("title", change.title() != null ? change.title().strip() : quiz.title())
                .param("instructions", change.instructions() != null ? change.instructions() : quiz.instructions())
                .param("duration", duration)
                .param("opensAt", timestamp(opensAt)).param("closesAt", timestamp(closesAt))
                .param("passing", change.passingPercent() != null ? change.passingPercent() : quiz.passingPercent())
                .param("attempts", change.attemptsAllowed() != null ? change.attemptsAllowed() : quiz.attemptsAllowed())
                .param("grading", (change.gradingMethod() != null ? change.gradingMethod() : quiz.gradingMethod()).name())
                .param("shuffleQuestions", change.shuffleQuestions() != null ? change.shuffleQuestions()
                        : quiz.shuffleQuestions())
                .param("shuffleOptions", change.shuffleOptions() != null ? change.shuffleOptions() : quiz.shuffleOptions())
                .param("policy", (change.multiSelectPolicy() != null ? change.multiSelectPolicy()
                        : quiz.multiSelectPolicy()).name())
                .param("reviewMarks", review.marks().name()).param("reviewCorrectness", review.correctness().name())
                .param("reviewAnswers", review.answers().name())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (quiz.status() == Quiz.Status.PUBLISHED && !java.util.Objects.equals(closesAt, quiz.closesAt())) {
            // Attempts in progress end at the new closing time (or their own time limit, whichever is first).
            jdbc.sql("""
                    update attempt a set deadline = case
                        when cast(:duration as integer) is null then cast(:closes as timestamptz)
                        when cast(:closes as timestamptz) is null
                            then a.started_at + make_interval(mins => cast(:duration as integer))
                        else least(a.started_at + make_interval(mins => cast(:duration as integer)),
                            cast(:closes as timestamptz)) end
                    where a.quiz_id = :quiz and a.status = 'IN_PROGRESS'""")
                    .param("duration", quiz.durationMinutes()).param("closes", timestamp(closesAt)).param("quiz", id)
                    .update();
        }
        return find(id).orElseThrow();
    }

    /** Freezes the questions and opens the quiz to the curriculum's students; publishing twice changes nothing. */
    @Transactional
    public Quiz publish(UUID id, Caller caller) {
        Quiz quiz = managed(id, caller, true);
        if (quiz.status() == Quiz.Status.PUBLISHED) {
            return quiz;
        }
        if (quiz.questionCount() == 0) {
            throw Problems.conflict("Quiz " + id + " has no questions to publish");
        }
        Instant now = clock.instant();
        if (quiz.closesAt() != null && !quiz.closesAt().isAfter(now)) {
            throw Problems.conflict("Quiz " + id + " closed at " + quiz.closesAt() + ": move its closing time first");
        }
        jdbc.sql("update quiz set status = 'PUBLISHED', published_at = ?, published_by = ?, updated_at = ? where id = ?")
                .params(Timestamp.from(now), caller.userId(), Timestamp.from(now), id).update();
        Quiz published = find(id).orElseThrow();
        events.quizPublished(new QuizPublished(id.toString(), quiz.curriculumId().toString(),
                quiz.courseId().toString(), quiz.curriculumTeacherId() == null ? null : quiz.curriculumTeacherId().toString(),
                quiz.title(), text(quiz.opensAt()), text(quiz.closesAt()), published.questionCount(),
                published.maxScore().toPlainString(), caller.userId().toString()));
        return published;
    }

    // ---- questions ----

    /** The quiz's questions in order, with options and keys; for those who read the course's quizzes. */
    @Transactional(readOnly = true)
    public List<Question> questions(UUID quizId, Caller caller) {
        Quiz quiz = find(quizId).orElseThrow(() -> Problems.notFound("quiz", quizId));
        if (!access.reads(caller, quiz.courseId())) {
            throw Problems.notFound("quiz", quizId);
        }
        return questionsOf(quizId, quiz.keyVersion());
    }

    @Transactional
    public Question addQuestion(UUID quizId, NewQuestion request, Caller caller) {
        Quiz quiz = draft(quizId, caller);
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from question where quiz_id = ?").param(quizId)
                .query(Integer.class).single();
        if (position > 500) {
            throw Problems.conflict("Quiz " + quizId + " has 500 questions, the most a quiz has");
        }
        UUID id = UuidV7.next();
        write(quiz, id, position, request, caller);
        touch(quizId);
        return question(quizId, id, quiz.keyVersion());
    }

    /**
     * Adds every question of a CSV file ({@link QuestionCsv}) at the end of a draft quiz, or none:
     * each line that cannot be read or breaks a question's rules is reported by its line number,
     * and then nothing is added.
     */
    @Transactional
    public List<Question> importQuestions(UUID quizId, String csv, Caller caller) {
        Quiz quiz = draft(quizId, caller);
        List<QuestionCsv.Line> lines = QuestionCsv.read(csv);
        int position = jdbc.sql("select coalesce(max(position), 0) from question where quiz_id = ?").param(quizId)
                .query(Integer.class).single();
        if (position + lines.size() > 500) {
            throw Problems.invalidField("file", "would give the quiz " + (position + lines.size())
                    + " questions, more than the 500 a quiz has");
        }
        List<Problems.FieldProblem> errors = new ArrayList<>();
        List<UUID> added = new ArrayList<>();
        for (QuestionCsv.Line line : lines) {
            String field = "line " + line.number();
            if (line.error() != null) {
                errors.add(new Problems.FieldProblem(field, line.error()));
                continue;
            }
            Set<jakarta.validation.ConstraintViolation<NewQuestion>> violations = validator.validate(line.question());
            if (!violations.isEmpty()) {
                violations.forEach(v -> errors.add(new Problems.FieldProblem(field,
                        v.getPropertyPath() + " " + v.getMessage())));
                continue;
            }
            try {
                UUID id = UuidV7.next();
                write(quiz, id, ++position, line.question(), caller);
                added.add(id);
            } catch (org.springframework.web.ErrorResponseException invalid) {
                errors.add(new Problems.FieldProblem(field, String.valueOf(invalid.getBody().getDetail())));
            }
        }
        if (!errors.isEmpty()) {
            // Nothing stays: the questions added before the first bad line go with the transaction.
            throw Problems.invalidFields("The file has " + errors.size() + " bad line(s); no question was added",
                    errors);
        }
        if (lines.isEmpty()) {
            throw Problems.invalidField("file", "holds no question");
        }
        touch(quizId);
        return questionsOf(quizId, quiz.keyVersion()).stream().filter(q -> added.contains(q.id())).toList();
    }

    @Transactional
    public Question replaceQuestion(UUID quizId, UUID questionId, NewQuestion request, Caller caller) {
        Quiz quiz = draft(quizId, caller);
        int position = jdbc.sql("select position from question where id = ? and quiz_id = ?").params(questionId, quizId)
                .query(Integer.class).optional().orElseThrow(() -> Problems.notFound("question", questionId));
        jdbc.sql("delete from answer_key where question_id = ?").param(questionId).update();
        jdbc.sql("delete from question_option where question_id = ?").param(questionId).update();
        jdbc.sql("delete from question where id = ?").param(questionId).update();
        write(quiz, questionId, position, request, caller);
        touch(quizId);
        return question(quizId, questionId, quiz.keyVersion());
    }

    @Transactional
    public void removeQuestion(UUID quizId, UUID questionId, Caller caller) {
        draft(quizId, caller);
        int removed = jdbc.sql("delete from question where id = ? and quiz_id = ?").params(questionId, quizId).update();
        if (removed == 0) {
            throw Problems.notFound("question", questionId);
        }
        // Close the gap: positions stay 1..n.
        jdbc.sql("""
                update question q set position = n.position from (
                    select id, row_number() over (order by position) as position from question where quiz_id = ?) n
                where q.id = n.id""").param(quizId).update();
        touch(quizId);
    }

    /** Puts the questions in the order given, which must name each of the quiz's questions once. */
    @Transactional
    public List<Question> reorder(UUID quizId, List<UUID> order, Caller caller) {
        Quiz quiz = draft(quizId, caller);
        Set<UUID> existing = new HashSet<>(jdbc.sql("select id from question where quiz_id = ?").param(quizId)
                .query(UUID.class).list());
        if (order.size() != existing.size() || !existing.equals(new HashSet<>(order))) {
            throw Problems.invalidField("questionIds", "must name each of the quiz's " + existing.size()
                    + " questions exactly once");
        }
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("update question set position = ? where id = ?").params(i + 1, order.get(i)).update();
        }
        touch(quizId);
        return questionsOf(quizId, quiz.keyVersion());
    }

    /**
     * A new answer key for a question of a published quiz: the quiz's key version goes up by one and
     * this question's key is recorded at it. Attempts keep the marks they have until a regrade.
     */
    @Transactional
    public Question changeKey(UUID quizId, UUID questionId, NewQuestion.NewAnswerKey request, Caller caller) {
        Quiz quiz = managed(quizId, caller, true);
        if (quiz.status() != Quiz.Status.PUBLISHED) {
            throw Problems.conflict("Quiz " + quizId + " is a draft: change the question itself");
        }
        Question current = question(quizId, questionId, quiz.keyVersion());
        Set<UUID> optionIds = new HashSet<>(current.options().stream().map(Question.Option::id).toList());
        List<UUID> correct = request.correctOptionIds() == null ? List.of() : List.copyOf(request.correctOptionIds());
        List<Question.ShortKey> shortKeys = List.of();
        switch (current.type()) {
            case SHORT_ANSWER -> {
                if (!correct.isEmpty()) {
                    throw Problems.invalidField("correctOptionIds", "a short-answer question has no options");
                }
                if (request.shortKeys() == null || request.shortKeys().isEmpty()) {
                    throw Problems.invalidField("shortKeys", "a new key for a short-answer question names at least "
                            + "one key (without any, every answer would wait for a teacher)");
                }
                shortKeys = shortKeys(request.shortKeys());
            }
            default -> {
                if (request.shortKeys() != null && !request.shortKeys().isEmpty()) {
                    throw Problems.invalidField("shortKeys", "only a short-answer question has short-answer keys");
                }
                if (!optionIds.containsAll(correct)) {
                    throw Problems.invalidField("correctOptionIds", "names an option that is not this question's");
                }
                Set<UUID> distinct = new HashSet<>(correct);
                if (distinct.isEmpty() || (current.type() != QuestionType.MULTIPLE_SELECT && distinct.size() != 1)) {
                    throw Problems.invalidField("correctOptionIds", current.type() == QuestionType.MULTIPLE_SELECT
                            ? "must name at least one option" : "must name exactly one option");
                }
                correct = List.copyOf(distinct);
            }
        }
        int version = quiz.keyVersion() + 1;
        jdbc.sql("update quiz set key_version = ?, updated_at = ? where id = ?")
                .params(version, Timestamp.from(clock.instant()), quizId).update();
        insertKey(questionId, version, correct, shortKeys, caller.userId());
        return question(quizId, questionId, version);
    }

    // ---- reading ----

    public Optional<Quiz> find(UUID id) {
        return jdbc.sql("select " + Quiz.COLUMNS + " from quiz q where q.id = ?").param(id).query(Quiz::read).optional();
    }

    /** The published quizzes of a curriculum, in the order they were published. */
    public List<Quiz> publishedOn(UUID curriculumId) {
        return jdbc.sql("select " + Quiz.COLUMNS + " from quiz q where q.curriculum_id = ? and q.status = 'PUBLISHED'"
                + " order by q.published_at, q.id").param(curriculumId).query(Quiz::read).list();
    }

    /** Every question of the quiz with its options and the key in force at that key version, in order. */
    public List<Question> questionsOf(UUID quizId, int keyVersion) {
        return assemble(jdbc.sql(QUESTIONS + " where q.quiz_id = :quiz order by q.position, o.position")
                .param("quiz", quizId).param("version", keyVersion).query(this::row).list());
    }

    /** One question of the quiz with its options and the key in force at that key version; 404 when it is not the quiz's. */
    public Question question(UUID quizId, UUID questionId, int keyVersion) {
        List<Question> found = assemble(jdbc.sql(QUESTIONS + " where q.quiz_id = :quiz and q.id = :question"
                + " order by q.position, o.position")
                .param("quiz", quizId).param("question", questionId).param("version", keyVersion).query(this::row)
                .list());
        if (found.isEmpty()) {
            throw Problems.notFound("question", questionId);
        }
        return found.getFirst();
    }

    private static final String QUESTIONS = """
            select q.id, q.position, q.type, q.text, q.points, q.negative_points, q.multi_select_policy, q.explanation,
                o.id as option_id, o.position as option_position, o.text as option_text,
                k.version as key_version, k.correct_option_ids, k.short_keys::text as short_keys
            from question q
            left join question_option o on o.question_id = q.id
            left join lateral (select version, correct_option_ids, short_keys from answer_key
                where question_id = q.id and version <= :version order by version desc limit 1) k on true""";

    private record Row(UUID id, int position, QuestionType type, String text, BigDecimal points,
            BigDecimal negativePoints, MultiSelectPolicy policy, String explanation, UUID optionId, int optionPosition,
            String optionText, int keyVersion, List<UUID> correct, List<Question.ShortKey> shortKeys) {
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        String policy = rs.getString("multi_select_policy");
        return new Row(rs.getObject("id", UUID.class), rs.getInt("position"), QuestionType.valueOf(rs.getString("type")),
                rs.getString("text"), rs.getBigDecimal("points"), rs.getBigDecimal("negative_points"),
                policy == null ? null : MultiSelectPolicy.valueOf(policy), rs.getString("explanation"),
                rs.getObject("option_id", UUID.class), rs.getInt("option_position"), rs.getString("option_text"),
                rs.getInt("key_version"), uuids(rs.getArray("correct_option_ids")),
                shortKeysOf(rs.getString("short_keys")));
    }

    private static List<Question> assemble(List<Row> rows) {
        Map<UUID, List<Row>> byQuestion = new LinkedHashMap<>();
        rows.forEach(r -> byQuestion.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
        List<Question> questions = new ArrayList<>();
        for (List<Row> group : byQuestion.values()) {
            Row first = group.getFirst();
            Set<UUID> correct = new HashSet<>(first.correct());
            List<Question.Option> options = group.stream().filter(r -> r.optionId() != null)
                    .map(r -> new Question.Option(r.optionId(), r.optionPosition(), r.optionText(),
                            correct.contains(r.optionId())))
                    .toList();
            questions.add(new Question(first.id(), first.position(), first.type(), first.text(), first.points(),
                    first.negativePoints(), first.policy(), first.explanation(), options,
                    new Question.Key(first.keyVersion(), first.correct(), first.shortKeys())));
        }
        return questions;
    }

    /** The ids of a {@code uuid[]} column, in order (none for null). */
    public static List<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(o -> (UUID) o).toList();
    }

    static List<Question.ShortKey> shortKeysOf(String json) {
        if (json == null) {
            return List.of();
        }
        return List.of(JSON.readValue(json, Question.ShortKey[].class));
    }

    // ---- writing questions ----

    private void write(Quiz quiz, UUID id, int position, NewQuestion request, Caller caller) {
        List<NewQuestion.NewOption> options = options(request);
        List<Question.ShortKey> shortKeys = List.of();
        if (request.type() == QuestionType.SHORT_ANSWER) {
            shortKeys = shortKeys(request.shortKeys());
        } else if (request.shortKeys() != null && !request.shortKeys().isEmpty()) {
            throw Problems.invalidField("shortKeys", "only a short-answer question has short-answer keys");
        }
        if (request.multiSelectPolicy() != null && request.type() != QuestionType.MULTIPLE_SELECT) {
            throw Problems.invalidField("multiSelectPolicy", "applies to multiple-select questions only");
        }
        if (request.negativePoints() != null && request.negativePoints().compareTo(request.points()) > 0) {
            throw Problems.invalidField("negativePoints", "must not be more than the question's points");
        }
        jdbc.sql("""
                insert into question (id, quiz_id, position, type, text, points, negative_points, multi_select_policy,
                    explanation) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, quiz.id(), position, request.type().name(), request.text().strip(), request.points(),
                        request.negativePoints() == null ? BigDecimal.ZERO : request.negativePoints(),
                        request.multiSelectPolicy() == null ? null : request.multiSelectPolicy().name(),
                        request.explanation())
                .update();
        List<UUID> correct = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            UUID optionId = UuidV7.next();
            jdbc.sql("insert into question_option (id, question_id, position, text) values (?, ?, ?, ?)")
                    .params(optionId, id, i + 1, options.get(i).text().strip()).update();
            if (options.get(i).correct()) {
                correct.add(optionId);
            }
        }
        insertKey(id, quiz.keyVersion(), correct, shortKeys, caller.userId());
    }

    private static List<NewQuestion.NewOption> options(NewQuestion request) {
        List<NewQuestion.NewOption> options = request.options() == null ? List.of() : request.options();
        switch (request.type()) {
            case SHORT_ANSWER -> {
                if (!options.isEmpty()) {
                    throw Problems.invalidField("options", "a short-answer question has no options");
                }
            }
            case TRUE_FALSE -> {
                if (options.isEmpty()) {
                    if (request.answer() == null) {
                        throw Problems.invalidField("answer", "is required for a true/false question without options");
                    }
                    options = List.of(new NewQuestion.NewOption("True", request.answer()),
                            new NewQuestion.NewOption("False", !request.answer()));
                } else if (options.size() != 2 || options.stream().filter(NewQuestion.NewOption::correct).count() != 1) {
                    throw Problems.invalidField("options", "a true/false question has two options, one correct");
                }
            }
            case MULTIPLE_CHOICE -> {
                if (options.size() < 2 || options.stream().filter(NewQuestion.NewOption::correct).count() != 1) {
                    throw Problems.invalidField("options", "a multiple-choice question has two or more options, "
                            + "exactly one correct");
                }
            }
            case MULTIPLE_SELECT -> {
                if (options.size() < 2 || options.stream().noneMatch(NewQuestion.NewOption::correct)) {
                    throw Problems.invalidField("options", "a multiple-select question has two or more options, "
                            + "at least one correct");
                }
            }
        }
        if (request.type() != QuestionType.TRUE_FALSE && request.answer() != null) {
            throw Problems.invalidField("answer", "applies to true/false questions only");
        }
        return options;
    }

    private static List<Question.ShortKey> shortKeys(List<NewQuestion.NewKey> keys) {
        if (keys == null) {
            return List.of();
        }
        List<Question.ShortKey> result = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            NewQuestion.NewKey key = keys.get(i);
            String field = "shortKeys[" + i + "]";
            boolean text = key.pattern() != null && !key.pattern().isBlank();
            if (text == (key.number() != null)) {
                throw Problems.invalidField(field, "needs either a pattern or a number");
            }
            if (!text && key.caseSensitive() != null) {
                throw Problems.invalidField(field + ".caseSensitive", "applies to a pattern only");
            }
            if (text && key.tolerance() != null) {
                throw Problems.invalidField(field + ".tolerance", "applies to a number only");
            }
            int credit = key.creditPercent() == null ? 100 : key.creditPercent();
            Question.ShortKey shortKey = text ? new Question.ShortKey(key.pattern().strip(),
                    Boolean.TRUE.equals(key.caseSensitive()), null, null, credit)
                    : new Question.ShortKey(null, null, key.number(),
                            key.tolerance() == null ? BigDecimal.ZERO : key.tolerance(), credit);
            try {
                // The grader's own reading of the key: what it refuses is refused here, not at grading.
                ShortAnswerKeys.of(shortKey);
            } catch (IllegalArgumentException unusable) {
                throw Problems.invalidField(field, unusable.getMessage());
            }
            result.add(shortKey);
        }
        return result;
    }

    private void insertKey(UUID questionId, int version, List<UUID> correct, List<Question.ShortKey> shortKeys,
            UUID by) {
        jdbc.sql("""
                insert into answer_key (question_id, version, correct_option_ids, short_keys, created_by, created_at)
                values (?, ?, cast(? as uuid[]), cast(? as jsonb), ?, ?)""")
                .params(questionId, version, correct.stream().map(UUID::toString).toArray(String[]::new),
                        JSON.writeValueAsString(shortKeys), by, Timestamp.from(clock.instant()))
                .update();
    }

    // ---- rules ----

    /** The quiz, for those who manage its course; locked for the change that follows when asked. */
    private Quiz managed(UUID id, Caller caller, boolean lock) {
        if (lock) {
            jdbc.sql("select id from quiz where id = ? for update").param(id).query(UUID.class).optional();
        }
        Quiz quiz = find(id).orElseThrow(() -> Problems.notFound("quiz", id));
        if (!access.manages(caller, quiz.courseId())) {
            if (access.reads(caller, quiz.courseId())) {
                throw Problems.forbidden("Changing quiz " + id + " needs manage:quizzes on its course");
            }
            throw Problems.notFound("quiz", id);
        }
        return quiz;
    }

    private Quiz draft(UUID id, Caller caller) {
        Quiz quiz = managed(id, caller, true);
        if (quiz.status() != Quiz.Status.DRAFT) {
            throw Problems.conflict("Quiz " + id + " is published: its questions are frozen (change an answer key "
                    + "instead)");
        }
        return quiz;
    }

    /** Whether the caller is a student following the quiz's curriculum, and the quiz is published. */
    public boolean studies(Caller caller, Quiz quiz) {
        if (!QuizAccess.isStudent(caller) || quiz.status() != Quiz.Status.PUBLISHED) {
            return false;
        }
        return roster.activePlace(caller.userId(), quiz.courseId())
                .map(place -> quiz.curriculumId().equals(place.curriculumId())).orElse(false);
    }

    private void touch(UUID quizId) {
        jdbc.sql("update quiz set updated_at = ? where id = ?").params(Timestamp.from(clock.instant()), quizId).update();
    }

    private static void requireWindow(Instant opensAt, Instant closesAt) {
        if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
            throw Problems.invalidField("closesAt", "must be after opensAt");
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
