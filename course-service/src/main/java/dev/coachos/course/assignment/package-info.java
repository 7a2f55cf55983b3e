/** Assignments set on curricula, students' submissions and their grading. */
package dev.coachos.course.assignment;
