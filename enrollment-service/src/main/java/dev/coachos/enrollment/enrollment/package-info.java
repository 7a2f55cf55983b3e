/** Enrollments: a student's seat in a batch, the fee they pay, and its status over time. */
package dev.coachos.enrollment.enrollment;
