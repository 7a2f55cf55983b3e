package dev.coachos.assessment.grading;

/** The kinds of question the service grades. */
public enum QuestionType {

    /** One correct option among several; the student picks one. */
    MULTIPLE_CHOICE,

    /** Several options, one or more of them correct; the student picks any number. */
    MULTIPLE_SELECT,

    /** Two options, true and false, one of them correct; the student picks one. */
    TRUE_FALSE,

    /** The student types a short text or number, checked against the question's short-answer keys. */
    SHORT_ANSWER
}
