package dev.coachos.assessment.quiz;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.coachos.assessment.course.Courses;
import dev.coachos.platform.security.Caller;

/**
 * Who may do what with a course's quizzes. Holders of {@code manage:quizzes} set and grade them:
 * staff for every course, teachers (callers with a teacher profile) only for the courses they are
 * assigned to. Holders of {@code read:quizzes} read them and their results. Students take them.
 */
@Component
public class QuizAccess {

    private final Courses courses;

    QuizAccess(Courses courses) {
        this.courses = courses;
    }

    /** Whether the caller sets, publishes and grades the course's quizzes. */
    public boolean manages(Caller caller, UUID courseId) {
        return caller.can("manage:quizzes")
                && (caller.teacherProfileId().isEmpty() || courses.teaches(caller.userId(), courseId));
    }

    /**
     * Whether the caller reads the course's quizzes with their keys, and every attempt at them. A
     * teacher reads those of their own courses only ({@code manage:quizzes} implies {@code read:quizzes},
     * so the permission alone does not say it).
     */
    public boolean reads(Caller caller, UUID courseId) {
        return manages(caller, courseId) || (caller.can("read:quizzes") && caller.teacherProfileId().isEmpty());
    }

    /** Whether the caller is a student (takes quizzes, reads only their own attempts). */
    public static boolean isStudent(Caller caller) {
        return caller.studentProfileId().isPresent();
    }
}
