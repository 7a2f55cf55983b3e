/** Batches: a course taught to a group on a weekly schedule, with capacity, fee and teacher. */
package dev.coachos.enrollment.batch;
