/** Quiz results told outside the app: a graded attempt whose marks the student may see becomes a QUIZ_RESULT delivery. */
package dev.coachos.communication.results;
