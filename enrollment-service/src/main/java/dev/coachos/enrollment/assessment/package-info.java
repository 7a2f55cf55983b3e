/** What enrollment-service keeps of assessment-service: the quizzes published on each curriculum and each student's result, for progress. */
package dev.coachos.enrollment.assessment;
