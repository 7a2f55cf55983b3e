/** Progress: lessons a student completed, weighted by the curriculum they follow, and their results on its quizzes. */
package dev.coachos.enrollment.progress;
