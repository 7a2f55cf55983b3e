package dev.coachos.assessment.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.coachos.assessment.grading.ShortAnswerKey.NumberKey;
import dev.coachos.assessment.grading.ShortAnswerKey.TextKey;

/** Worked examples that pin how each type of question is marked. */
class GraderTest {

    private static final List<UUID> OPTIONS = IntStream.rangeClosed(1, 8).mapToObj(i -> new UUID(0, i)).toList();
    private static final UUID A = OPTIONS.get(0);
    private static final UUID B = OPTIONS.get(1);
    private static final UUID C = OPTIONS.get(2);
    private static final UUID D = OPTIONS.get(3);
    private static final UUID E = OPTIONS.get(4);

    // single answer: JEE Main, NEET, true/false

    @Test
    void jeeMainSingleAnswerGivesFourForRightMinusOneForWrongAndZeroUnanswered() {
        QuestionKey key = QuestionKey.multipleChoice(d("4"), d("1"), 4, C);

        assertMark(Grader.grade(key, Answer.ofOptions(C)), Outcome.CORRECT, "4.00");
        assertMark(Grader.grade(key, Answer.ofOptions(A)), Outcome.WRONG, "-1.00");
        assertMark(Grader.grade(key, Answer.ofOptions(D)), Outcome.WRONG, "-1.00");
        assertMark(Grader.grade(key, Answer.NONE), Outcome.UNANSWERED, "0.00");
    }

    @Test
    void jeeMainMiniPaperWithSixRightThreeWrongAndOneUnansweredScoresTwentyOne() {
        QuestionKey key = QuestionKey.multipleChoice(d("4"), d("1"), 4, A);
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(Answer.ofOptions(A));
        }
        answers.add(Answer.ofOptions(B));
        answers.add(Answer.ofOptions(C));
        answers.add(Answer.ofOptions(D));
        answers.add(Answer.NONE);

        List<BigDecimal> points = answers.stream().map(answer -> Grader.grade(key, answer).points()).toList();
        AttemptScore score = AttemptScore.total(points, d("40"), d("50"), false);

        assertThat(score.score()).isEqualTo(d("21.00"));
        assertThat(score.percent()).isEqualTo(d("52.50"));
        assertThat(score.passed()).isTrue();
    }

    @Test
    void neetPaperOfOneHundredEightyQuestionsAllWrongScoresMinusOneHundredEighty() {
        QuestionKey key = QuestionKey.multipleChoice(d("4"), d("1"), 4, A);
        List<BigDecimal> points = new ArrayList<>();
        for (int i = 0; i < 180; i++) {
            points.add(Grader.grade(key, Answer.ofOptions(B)).points());
        }

        AttemptScore score = AttemptScore.total(points, d("720"), d("50"), false);

        assertThat(score.score()).isEqualTo(d("-180.00"));
        assertThat(score.percent()).isEqualTo(d("-25.00"));
        assertThat(score.passed()).isFalse();
    }

    @Test
    void singleAnswerWithoutNegativeMarkingGivesZeroForWrong() {
        QuestionKey key = QuestionKey.multipleChoice(d("2.5"), d("0"), 5, E);

        assertMark(Grader.grade(key, Answer.ofOptions(E)), Outcome.CORRECT, "2.50");
        assertMark(Grader.grade(key, Answer.ofOptions(A)), Outcome.WRONG, "0.00");
    }

    @Test
    void trueFalseGivesPointsForTheRightOptionAndNegativePointsForTheOther() {
        QuestionKey key = QuestionKey.trueFalse(d("1"), d("0.25"), B);

        assertMark(Grader.grade(key, Answer.ofOptions(B)), Outcome.CORRECT, "1.00");
        assertMark(Grader.grade(key, Answer.ofOptions(A)), Outcome.WRONG, "-0.25");
        assertMark(Grader.grade(key, Answer.NONE), Outcome.UNANSWERED, "0.00");
    }

    @Test
    void moreThanOneOptionOnASingleAnswerQuestionIsTheCallersError() {
        QuestionKey choice = QuestionKey.multipleChoice(d("4"), d("1"), 4, A);
        QuestionKey trueFalse = QuestionKey.trueFalse(d("1"), d("0"), A);

        assertThatThrownBy(() -> Grader.grade(choice, Answer.ofOptions(A, B)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one option");
        assertThatThrownBy(() -> Grader.grade(trueFalse, Answer.ofOptions(A, B)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one option");
    }

    @Test
    void anOptionTheKeyDoesNotKnowCountsAsAWrongPick() {
        UUID stranger = UUID.fromString("7d1f3c3e-0000-4000-8000-000000000000");

        assertMark(Grader.grade(QuestionKey.multipleChoice(d("4"), d("1"), 4, A), Answer.ofOptions(stranger)),
                Outcome.WRONG, "-1.00");
        assertMark(Grader.grade(select(MultiSelectPolicy.PARTIAL_NO_WRONG, 4, A, B),
                Answer.ofOptions(A, stranger)), Outcome.WRONG, "-2.00");
    }

    // multiple select

    @Test
    void allOrNothingGivesFullPointsOnlyForExactlyTheCorrectOptions() {
        QuestionKey key = select(MultiSelectPolicy.ALL_OR_NOTHING, 5, A, C, D);

        assertMark(Grader.grade(key, Answer.ofOptions(A, C, D)), Outcome.CORRECT, "4.00");
        assertMark(Grader.grade(key, Answer.ofOptions(A, C)), Outcome.WRONG, "-2.00");
        assertMark(Grader.grade(key, Answer.ofOptions(A, C, D, E)), Outcome.WRONG, "-2.00");
        assertMark(Grader.grade(key, Answer.ofOptions(B)), Outcome.WRONG, "-2.00");
        assertMark(Grader.grade(key, Answer.NONE), Outcome.UNANSWERED, "0.00");
    }

    /** JEE Advanced, four options, +4 full, −2 for any wrong pick, +1 for each correct option picked. */
    @ParameterizedTest(name = "{0} correct, picked {1} right and {2} wrong: {3} {4}")
    @CsvSource({
        "4, 4, 0, CORRECT, 4.00",
        "4, 3, 0, PARTIAL, 3.00",
        "4, 2, 0, PARTIAL, 2.00",
        "4, 1, 0, PARTIAL, 1.00",
        "3, 3, 0, CORRECT, 4.00",
        "3, 2, 0, PARTIAL, 2.00",
        "3, 1, 0, PARTIAL, 1.00",
        "2, 2, 0, CORRECT, 4.00",
        "2, 1, 0, PARTIAL, 1.00",
        "1, 1, 0, CORRECT, 4.00",
        "3, 3, 1, WRONG, -2.00",
        "3, 2, 1, WRONG, -2.00",
        "2, 1, 1, WRONG, -2.00",
        "2, 0, 2, WRONG, -2.00",
        "1, 0, 1, WRONG, -2.00",
        "1, 1, 3, WRONG, -2.00",
        "4, 0, 0, UNANSWERED, 0.00",
        "1, 0, 0, UNANSWERED, 0.00",
    })
    void jeeAdvancedPartialMarkingGivesOneForEachCorrectOptionPickedAndMinusTwoForAnyWrongPick(int correct,
            int pickedRight, int pickedWrong, Outcome outcome, String points) {
        QuestionKey key = QuestionKey.multipleSelect(d("4"), d("2"), MultiSelectPolicy.PARTIAL_NO_WRONG, 4,
                Set.copyOf(OPTIONS.subList(0, correct)));

        Mark mark = Grader.grade(key, pick(correct, 4, pickedRight, pickedWrong));

        assertMark(mark, outcome, points);
    }

    /** The Open University's rule: 3 points, 3 correct options among 5, (right − wrong) × 3 ÷ 3, at least 0. */
    @ParameterizedTest(name = "picked {0} right and {1} wrong: {2} {3}")
    @CsvSource({
        "3, 0, CORRECT, 3.00",
        "3, 2, PARTIAL, 1.00",
        "3, 1, PARTIAL, 2.00",
        "2, 1, PARTIAL, 1.00",
        "2, 0, PARTIAL, 2.00",
        "1, 0, PARTIAL, 1.00",
        "1, 1, WRONG, 0.00",
        "1, 2, WRONG, 0.00",
        "0, 1, WRONG, 0.00",
        "0, 2, WRONG, 0.00",
        "0, 0, UNANSWERED, 0.00",
    })
    void openUniversityRightMinusWrongTakesOneRightAwayForEachWrongPickAndNeverGoesBelowZero(int pickedRight,
            int pickedWrong, Outcome outcome, String points) {
        QuestionKey key = QuestionKey.multipleSelect(d("3"), d("1"), MultiSelectPolicy.RIGHT_MINUS_WRONG, 5,
                Set.of(A, B, C));

        Mark mark = Grader.grade(key, pick(3, 5, pickedRight, pickedWrong));

        assertMark(mark, outcome, points);
    }

    @Test
    void pickingEveryOptionUnderRightMinusWrongKeepsWhatTheRightPicksOutnumberTheWrong() {
        QuestionKey key = QuestionKey.multipleSelect(d("3"), d("0"), MultiSelectPolicy.RIGHT_MINUS_WRONG, 5,
                Set.of(A, B, C));

        assertMark(Grader.grade(key, Answer.ofOptions(A, B, C, D, E)), Outcome.PARTIAL, "1.00");
    }

    @Test
    void partialSharesAreRoundedOnceHalfUp() {
        QuestionKey thirds = QuestionKey.multipleSelect(d("4"), d("1"), MultiSelectPolicy.PARTIAL_NO_WRONG, 3,
                Set.of(A, B, C));
        QuestionKey eighths = QuestionKey.multipleSelect(d("5"), d("1"), MultiSelectPolicy.PARTIAL_NO_WRONG, 8,
                Set.copyOf(OPTIONS.subList(0, 4)));
        QuestionKey netThirds = QuestionKey.multipleSelect(d("4"), d("1"), MultiSelectPolicy.RIGHT_MINUS_WRONG, 5,
                Set.of(A, B, C));
        QuestionKey netEighths = QuestionKey.multipleSelect(d("5"), d("1"), MultiSelectPolicy.RIGHT_MINUS_WRONG, 8,
                Set.copyOf(OPTIONS));

        assertMark(Grader.grade(thirds, Answer.ofOptions(A)), Outcome.PARTIAL, "1.33");
        assertMark(Grader.grade(thirds, Answer.ofOptions(A, B)), Outcome.PARTIAL, "2.67");
        assertMark(Grader.grade(eighths, Answer.ofOptions(A)), Outcome.PARTIAL, "0.63");
        assertMark(Grader.grade(eighths, Answer.ofOptions(A, B, C)), Outcome.PARTIAL, "1.88");
        assertMark(Grader.grade(netThirds, Answer.ofOptions(A)), Outcome.PARTIAL, "1.33");
        assertMark(Grader.grade(netThirds, Answer.ofOptions(A, B, C, D)), Outcome.PARTIAL, "2.67");
        assertMark(Grader.grade(netEighths, Answer.ofOptions(A)), Outcome.PARTIAL, "0.63");
        assertMark(Grader.grade(netEighths, Answer.ofOptions(A, B, C, D, E)), Outcome.PARTIAL, "3.13");
    }

    @Test
    void fullAndNegativePointsKeepTwoDecimalPlaces() {
        QuestionKey key = QuestionKey.multipleSelect(d("1.5"), d("0.5"), MultiSelectPolicy.ALL_OR_NOTHING, 4,
                Set.of(A, B));

        assertThat(Grader.grade(key, Answer.ofOptions(A, B)).points()).isEqualTo(d("1.50"));
        assertThat(Grader.grade(key, Answer.ofOptions(A)).points()).isEqualTo(d("-0.50"));
    }

    // unanswered

    @ParameterizedTest
    @EnumSource(MultiSelectPolicy.class)
    void anUnansweredMultipleSelectQuestionIsZeroUnderEveryPolicy(MultiSelectPolicy policy) {
        QuestionKey key = QuestionKey.multipleSelect(d("4"), d("2"), policy, 4, Set.of(A, B));

        assertMark(Grader.grade(key, Answer.NONE), Outcome.UNANSWERED, "0.00");
        assertMark(Grader.grade(key, new Answer(null, null)), Outcome.UNANSWERED, "0.00");
        assertMark(Grader.grade(key, Answer.ofText("A and B")), Outcome.UNANSWERED, "0.00");
    }

    @Test
    void anUnansweredQuestionIsZeroForEveryTypeWhateverItsNegativePoints() {
        List<QuestionKey> keys = List.of(
                QuestionKey.multipleChoice(d("4"), d("4"), 4, A),
                QuestionKey.trueFalse(d("1"), d("1"), A),
                new QuestionKey(QuestionType.SHORT_ANSWER, d("2"), d("2"), null, 0, Set.of(),
                        List.of(new TextKey("*", false, 100))));

        for (QuestionKey key : keys) {
            assertMark(Grader.grade(key, Answer.NONE), Outcome.UNANSWERED, "0.00");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "  \t\n ", "\u00a0", "\u2003\u3000"})
    void aShortAnswerOfOnlyWhitespaceIsUnanswered(String text) {
        QuestionKey key = QuestionKey.shortAnswer(d("2"), List.of(new TextKey("*", false, 100)));

        assertMark(Grader.grade(key, Answer.ofText(text)), Outcome.UNANSWERED, "0.00");
    }

    @Test
    void aShortAnswerIsGradedByItsTextEvenWhenOptionsCameAlong() {
        QuestionKey key = QuestionKey.shortAnswer(d("2"), List.of(new TextKey("newton", false, 100)));

        assertMark(Grader.grade(key, new Answer(Set.of(A), null)), Outcome.UNANSWERED, "0.00");
        assertMark(Grader.grade(key, new Answer(Set.of(A), "Newton")), Outcome.CORRECT, "2.00");
    }

    // short answer: text keys

    @ParameterizedTest
    @ValueSource(strings = {"Newton", "newton", "NEWTON", "  Newton  ", "New ton", "New   ton", "Newwwton", "newTON"})
    void aWildcardPatternMatchesAnyRunOfCharactersIgnoringCase(String answer) {
        QuestionKey key = QuestionKey.shortAnswer(d("2"), List.of(new TextKey("new*ton", false, 100)));

        Mark mark = Grader.grade(key, Answer.ofText(answer));

        assertThat(mark).isEqualTo(new Mark(Outcome.CORRECT, d("2.00"), 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Newtons", "Einstein", "ewton", "Newto", "Sir Newton"})
    void anAnswerNoPatternMatchesWaitsForATeacher(String answer) {
        QuestionKey key = QuestionKey.shortAnswer(d("2"), List.of(new TextKey("new*ton", false, 100)));

        assertThat(Grader.grade(key, Answer.ofText(answer))).isEqualTo(new Mark(Outcome.NEEDS_REVIEW, d("0.00"), null));
    }

    @Test
    void aCaseSensitivePatternNeedsTheSameCase() {
        QuestionKey key = QuestionKey.shortAnswer(d("1"), List.of(new TextKey("NaCl", true, 100)));

        assertMark(Grader.grade(key, Answer.ofText("NaCl")), Outcome.CORRECT, "1.00");
        assertMark(Grader.grade(key, Answer.ofText("nacl")), Outcome.NEEDS_REVIEW, "0.00");
        assertMark(Grader.grade(key, Answer.ofText("NACL")), Outcome.NEEDS_REVIEW, "0.00");
    }

    @Test
    void caseIsIgnoredLetterByLetterBeyondAscii() {
        QuestionKey greek = QuestionKey.shortAnswer(d("1"), List.of(new TextKey("Σωκράτης", false, 100)));
        QuestionKey german = QuestionKey.shortAnswer(d("1"), List.of(new TextKey("straße", false, 100)));

        assertMark(Grader.grade(greek, Answer.ofText("ΣΩΚΡΆΤΗΣ")), Outcome.CORRECT, "1.00");
        assertMark(Grader.grade(german, Answer.ofText("STRAßE")), Outcome.CORRECT, "1.00");
        assertMark(Grader.grade(german, Answer.ofText("STRASSE")), Outcome.NEEDS_REVIEW, "0.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Isaac Newton", " Isaac   Newton ", "isaac\tnewton", "Isaac\nNewton", "Isaac\u00a0Newton"})
    void whitespaceIsTrimmedAndEachRunCountsAsOneSpace(String answer) {
        QuestionKey key = QuestionKey.shortAnswer(d("1"), List.of(new TextKey("  Isaac  Newton ", false, 100)));

        assertMark(Grader.grade(key, Answer.ofText(answer)), Outcome.CORRECT, "1.00");
    }

    @Test
    void whitespaceIsNotIgnoredAltogether() {
        QuestionKey key = QuestionKey.shortAnswer(d("1"), List.of(new TextKey("Isaac Newton", false, 100)));

        assertMark(Grader.grade(key, Answer.ofText("IsaacNewton")), Outcome.NEEDS_REVIEW, "0.00");
    }

    @Test
    void composedAndDecomposedAccentsAreTheSameText() {
        String composed = "caf\u00e9";
        String decomposed = "cafe\u0301";
        QuestionKey composedKey = QuestionKey.shortAnswer(d("1"), List.of(new TextKey(composed, true, 100)));
        QuestionKey decomposedKey = QuestionKey.shortAnswer(d("1"), List.of(new TextKey(decomposed, true, 100)));

        assertMark(Grader.grade(composedKey, Answer.ofText(decomposed)), Outcome.CORRECT, "1.00");
        assertMark(Grader.grade(decomposedKey, Answer.ofText(composed)), Outcome.CORRECT, "1.00");
        assertMark(Grader.grade(composedKey, Answer.ofText("cafe")), Outcome.NEEDS_REVIEW, "0.00");
    }

    @Test
    void devanagariAnswersAreComparedAfterNormalising() {
        QuestionKey key = QuestionKey.shortAnswer(d("1"), List.of(new TextKey("न्यूटन", false, 100)));

        assertMark(Grader.grade(key, Answer.ofText(" न्यूटन ")), Outcome.CORRECT, "1.00");
    }

    @ParameterizedTest(name = "pattern {0} against {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        a.b(        | a.b(        | true
        a.b(        | axb(        | false
        a.b(        | a.b         | false
        x+y         | x+y         | true
        x+y         | xxy         | false
        [abc]       | [abc]       | true
        [abc]       | a           | false
        \\d         | \\d         | true
        \\d         | 5           | false
        ^.?$        | ^.?$        | true
        ^.?$        | x           | false
        \\Q*\\E     | \\Qzz\\E    | true
        \\Q*\\E     | zz          | false
        (ab)*       | (ab) done   | true
        (ab)*       | ab          | false
        $1.00       | $1.00       | true
        $1.00       | $1x00       | false
        {2}         | {2}         | true
        """)
    void regularExpressionCharactersInAPatternStandOnlyForThemselves(String pattern, String answer,
            boolean matches) {
        QuestionKey key = QuestionKey.shortAnswer(d("1"), List.of(new TextKey(pattern, false, 100)));

        assertThat(Grader.grade(key, Answer.ofText(answer)).outcome())
                .isEqualTo(matches ? Outcome.CORRECT : Outcome.NEEDS_REVIEW);
    }

    @ParameterizedTest(name = "pattern {0} against {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        *           | anything at all  | true
        *ton        | ton              | true
        *ton        | Newton           | true
        *ton        | tone             | false
        new*        | new              | true
        a*b*c       | abc              | true
        a*b*c       | a-b-c            | true
        a*b*c       | a-b-c-d          | false
        a*b*c       | acb              | false
        a**b        | ab               | true
        a**b        | axxb             | true
        *a*a*a*     | banana           | true
        *a*a*a*a*   | banana           | false
        a*          | b                | false
        """)
    void aStarStandsForAnyRunOfCharactersIncludingNone(String pattern, String answer, boolean matches) {
        QuestionKey key = QuestionKey.shortAnswer(d("1"), List.of(new TextKey(pattern, false, 100)));

        assertThat(Grader.grade(key, Answer.ofText(answer)).outcome())
                .isEqualTo(matches ? Outcome.CORRECT : Outcome.NEEDS_REVIEW);
    }

    @Test
    void aStarInThePatternMatchesAStarInTheAnswerLikeAnyOtherCharacter() {
        QuestionKey key = QuestionKey.shortAnswer(d("1"), List.of(new TextKey("2*3", false, 100)));

        assertMark(Grader.grade(key, Answer.ofText("2*3")), Outcome.CORRECT, "1.00");
        assertMark(Grader.grade(key, Answer.ofText("2 times 3")), Outcome.CORRECT, "1.00");
    }

    // short answer: number keys

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        9.81        | true
        9.76        | true
        9.86        | true
        9.760       | true
        9.7599      | false
        9.8601      | false
        9.75        | false
        9.87        | false
        '  +9.81  ' | true
        9.8         | true
        +9.8        | true
        9.81000     | true
        -9.81       | false
        9,81        | false
        9.81e0      | false
        981E-2      | false
        9.81 m/s²   | false
        nine        | false
        9..81       | false
        """)
    void aNumberMatchesWithinTheToleranceWithBothEndsIncluded(String answer, boolean matches) {
        QuestionKey key = QuestionKey.shortAnswer(d("2"),
                List.of(new NumberKey(d("9.81"), d("0.05"), 100)));

        Mark mark = Grader.grade(key, Answer.ofText(answer));

        assertThat(mark).isEqualTo(matches
                ? new Mark(Outcome.CORRECT, d("2.00"), 0)
                : new Mark(Outcome.NEEDS_REVIEW, d("0.00"), null));
    }

    @Test
    void aNumberWithoutToleranceMatchesOnlyTheSameValueHoweverWritten() {
        QuestionKey key = QuestionKey.shortAnswer(d("1"), List.of(new NumberKey(d("42"), d("0"), 100)));

        for (String same : List.of("42", "42.", "42.000", "+42", "042", " 42 ")) {
            assertMark(Grader.grade(key, Answer.ofText(same)), Outcome.CORRECT, "1.00");
        }
        for (String other : List.of("42.001", "41.999", "-42", "4 2", "42/1")) {
            assertMark(Grader.grade(key, Answer.ofText(other)), Outcome.NEEDS_REVIEW, "0.00");
        }
    }

    @Test
    void negativeAndFractionalNumbersAreRead() {
        QuestionKey key = QuestionKey.shortAnswer(d("1"), List.of(new NumberKey(d("-0.5"), d("0.25"), 100)));

        assertMark(Grader.grade(key, Answer.ofText("-.5")), Outcome.CORRECT, "1.00");
        assertMark(Grader.grade(key, Answer.ofText("-0.75")), Outcome.CORRECT, "1.00");
        assertMark(Grader.grade(key, Answer.ofText("-0.25")), Outcome.CORRECT, "1.00");
        assertMark(Grader.grade(key, Answer.ofText("0")), Outcome.NEEDS_REVIEW, "0.00");
        assertMark(Grader.grade(key, Answer.ofText("-0.76")), Outcome.NEEDS_REVIEW, "0.00");
    }

    @Test
    void thousandsSeparatorsAreNotRead() {
        QuestionKey key = QuestionKey.shortAnswer(d("1"), List.of(new NumberKey(d("100000"), d("0"), 100)));

        assertMark(Grader.grade(key, Answer.ofText("100000")), Outcome.CORRECT, "1.00");
        assertMark(Grader.grade(key, Answer.ofText("1,00,000")), Outcome.NEEDS_REVIEW, "0.00");
        assertMark(Grader.grade(key, Answer.ofText("100,000")), Outcome.NEEDS_REVIEW, "0.00");
        assertMark(Grader.grade(key, Answer.ofText("100 000")), Outcome.NEEDS_REVIEW, "0.00");
        assertMark(Grader.grade(key, Answer.ofText("1e5")), Outcome.NEEDS_REVIEW, "0.00");
    }

    // short answer: credit and key order

    @Test
    void aPartialCreditKeyGivesItsShareOfThePoints() {
        QuestionKey key = QuestionKey.shortAnswer(d("3"), List.of(
                new TextKey("Isaac Newton", false, 100),
                new TextKey("Newton", false, 50)));

        assertThat(Grader.grade(key, Answer.ofText("isaac newton"))).isEqualTo(new Mark(Outcome.CORRECT, d("3.00"), 0));
        assertThat(Grader.grade(key, Answer.ofText("Newton"))).isEqualTo(new Mark(Outcome.PARTIAL, d("1.50"), 1));
        assertThat(Grader.grade(key, Answer.ofText("Isaac")))
                .isEqualTo(new Mark(Outcome.NEEDS_REVIEW, d("0.00"), null));
    }

    @Test
    void theFirstMatchingKeyWinsEvenWhenALaterOneGivesMore() {
        TextKey half = new TextKey("*ton", false, 50);
        TextKey full = new TextKey("newton", false, 100);

        assertThat(Grader.grade(QuestionKey.shortAnswer(d("4"), List.of(half, full)), Answer.ofText("Newton")))
                .isEqualTo(new Mark(Outcome.PARTIAL, d("2.00"), 0));
        assertThat(Grader.grade(QuestionKey.shortAnswer(d("4"), List.of(full, half)), Answer.ofText("Newton")))
                .isEqualTo(new Mark(Outcome.CORRECT, d("4.00"), 0));
    }

    @Test
    void textAndNumberKeysMixInOrder() {
        QuestionKey key = QuestionKey.shortAnswer(d("2"), List.of(
                new NumberKey(d("3.14"), d("0.01"), 100),
                new NumberKey(d("3"), d("0.2"), 50),
                new TextKey("pi", false, 25)));

        assertThat(Grader.grade(key, Answer.ofText("3.14159"))).isEqualTo(new Mark(Outcome.CORRECT, d("2.00"), 0));
        assertThat(Grader.grade(key, Answer.ofText("3.1"))).isEqualTo(new Mark(Outcome.PARTIAL, d("1.00"), 1));
        assertThat(Grader.grade(key, Answer.ofText("PI"))).isEqualTo(new Mark(Outcome.PARTIAL, d("0.50"), 2));
        assertThat(Grader.grade(key, Answer.ofText("22/7")))
                .isEqualTo(new Mark(Outcome.NEEDS_REVIEW, d("0.00"), null));
    }

    @ParameterizedTest(name = "{1}% of {0} = {2}")
    @CsvSource({
        "1, 33, 0.33",
        "5, 33, 1.65",
        "2, 67, 1.34",
        "0.5, 25, 0.13",
        "4, 1, 0.04",
        "0.25, 50, 0.13",
        "4, 99, 3.96",
    })
    void partialCreditIsRoundedOnceHalfUp(String points, int credit, String expected) {
        QuestionKey key = QuestionKey.shortAnswer(d(points), List.of(new TextKey("yes", false, credit)));

        assertMark(Grader.grade(key, Answer.ofText("yes")), Outcome.PARTIAL, expected);
    }

    @Test
    void aShortAnswerQuestionWithoutKeysWaitsForATeacher() {
        QuestionKey key = QuestionKey.shortAnswer(d("2"), List.of());

        assertThat(Grader.grade(key, Answer.ofText("anything")))
                .isEqualTo(new Mark(Outcome.NEEDS_REVIEW, d("0.00"), null));
    }

    @Test
    void aShortAnswerNoKeyMatchesIsNeverMarkedDownEvenWithNegativePoints() {
        QuestionKey key = new QuestionKey(QuestionType.SHORT_ANSWER, d("2"), d("1"), null, 0, Set.of(),
                List.of(new TextKey("Newton", false, 100)));

        assertMark(Grader.grade(key, Answer.ofText("Einstein")), Outcome.NEEDS_REVIEW, "0.00");
    }

    @Test
    void choiceMarksNameNoKey() {
        assertThat(Grader.grade(QuestionKey.multipleChoice(d("4"), d("1"), 4, A), Answer.ofOptions(A)).matchedKey())
                .isNull();
    }

    private static QuestionKey select(MultiSelectPolicy policy, int optionCount, UUID... correct) {
        return QuestionKey.multipleSelect(d("4"), d("2"), policy, optionCount, Set.of(correct));
    }

    /** Picks the first {@code right} of the first {@code correct} options and the first {@code wrong} of the rest. */
    private static Answer pick(int correct, int optionCount, int right, int wrong) {
        assertThat(correct + wrong).isLessThanOrEqualTo(optionCount);
        Set<UUID> picked = new HashSet<>(OPTIONS.subList(0, right));
        picked.addAll(OPTIONS.subList(correct, correct + wrong));
        return Answer.ofOptions(picked);
    }

    private static void assertMark(Mark mark, Outcome outcome, String points) {
        assertThat(mark.outcome()).isEqualTo(outcome);
        assertThat(mark.points()).isEqualTo(new BigDecimal(points));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
