/** A reader's private study notes: highlighted passages and bookmarked lessons. */
package dev.coachos.course.study;
