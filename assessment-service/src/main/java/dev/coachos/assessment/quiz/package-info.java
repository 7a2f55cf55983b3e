/** Quizzes on curricula: their settings, questions and answer keys, publishing, and key changes after it. */
package dev.coachos.assessment.quiz;
