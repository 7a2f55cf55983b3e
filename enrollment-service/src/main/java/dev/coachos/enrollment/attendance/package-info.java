/** Attendance: a batch's session marked in one request, and summaries per student and per batch. */
package dev.coachos.enrollment.attendance;
