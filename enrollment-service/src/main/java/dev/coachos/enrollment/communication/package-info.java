/** What enrollment-service does on communication-service's events: a student's approved leave excuses their sessions. */
package dev.coachos.enrollment.communication;
