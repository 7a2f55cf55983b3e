/** What course-service knows of enrollment-service: who is enrolled in which course, fed by its events. */
package dev.coachos.course.enrollment;
