/** What this service hears from course-service: curriculum reviews and decisions, and graded submissions, told to the people concerned. */
package dev.coachos.communication.course;
