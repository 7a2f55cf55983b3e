/** course-service: the catalogue, curricula and their review, assignments and students' study notes. */
package dev.coachos.course;
