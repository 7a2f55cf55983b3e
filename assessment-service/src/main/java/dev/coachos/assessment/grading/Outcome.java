package dev.coachos.assessment.grading;

/** What grading made of the answer to one question. */
public enum Outcome {

    /** Full points. */
    CORRECT,

    /** Some of the points: part of a multiple-select answer, or a partial-credit short-answer key. */
    PARTIAL,

    /** No points, or the question's negative points. */
    WRONG,

    /** No answer given: always {@code 0.00}, never negative. */
    UNANSWERED,

    /** A short answer no key matched: {@code 0.00} until a teacher grades it. */
    NEEDS_REVIEW
}
