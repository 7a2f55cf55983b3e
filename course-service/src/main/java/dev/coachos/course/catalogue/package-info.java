/** The catalogue: courses, roadmaps through them, the teachers assigned to each, and who may do what with a course. */
package dev.coachos.course.catalogue;
