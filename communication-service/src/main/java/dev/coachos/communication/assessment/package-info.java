/** What this service hears from assessment-service: quiz results, told to the student, and answers waiting for grading, told to the teacher. */
package dev.coachos.communication.assessment;
