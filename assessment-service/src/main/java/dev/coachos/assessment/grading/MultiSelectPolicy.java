package dev.coachos.assessment.grading;

/**
 * How a multiple-select question is marked. In each rule {@code c} is the number of correct
 * options, {@code n} the number of options, {@code r} the correct options picked and {@code w} the
 * wrong options picked. Picking nothing always gives {@code 0.00}.
 */
public enum MultiSelectPolicy {

    /**
     * Full points when exactly the correct options are picked; anything else loses the question's
     * negative points.
     */
    ALL_OR_NOTHING,

    /**
     * JEE Advanced's rule, for any number of options: any wrong option picked loses the negative
     * points; all correct options and nothing else gives full points; some correct options and
     * nothing else gives {@code points × r ÷ n}, that is {@code points ÷ n} for each correct option
     * picked.
     */
    PARTIAL_NO_WRONG,

    /**
     * The Open University's rule: {@code (r − w) × points ÷ c}, never below {@code 0.00}. Each wrong
     * pick cancels a right one; the question's negative points are not used.
     */
    RIGHT_MINUS_WRONG
}
