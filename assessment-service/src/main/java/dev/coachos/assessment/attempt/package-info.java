/** Students' attempts: starting, saving answers, submitting, grading on the server, deadlines and manual grading. */
package dev.coachos.assessment.attempt;
