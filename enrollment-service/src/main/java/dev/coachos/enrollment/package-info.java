/** enrollment-service: batches, enrollments, attendance, lesson progress and the calendar. */
package dev.coachos.enrollment;
