/** What enrollment-service keeps of course-service: courses and curricula fed by its events, and lookups on a miss. */
package dev.coachos.enrollment.course;
