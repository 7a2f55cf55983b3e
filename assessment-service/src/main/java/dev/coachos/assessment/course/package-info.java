/** What this service keeps of course-service: courses, published curricula and their lessons, who teaches what. */
package dev.coachos.assessment.course;
