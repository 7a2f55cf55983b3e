package dev.coachos.course;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * course-service: the catalogue (courses, roadmaps), versioned curricula with approval,
 * lessons and their resources, assignments and submissions, students' highlights and bookmarks.
 * It publishes its events through {@link CourseEvents} and learns who is enrolled in which course
 * from enrollment-service's events ({@code enrollment} package).
 */
@SpringBootApplication
public class CourseApplication {

    public static void main(String[] args) {
        SpringApplication.run(CourseApplication.class, args);
    }
}
