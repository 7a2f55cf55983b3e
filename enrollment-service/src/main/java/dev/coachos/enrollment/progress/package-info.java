/** Lesson progress: lessons a student completed, weighted by the curriculum they follow. */
package dev.coachos.enrollment.progress;
