/** Curricula: a course's official curriculum and teachers' versions, their modules and lessons, and their review. */
package dev.coachos.course.curriculum;
