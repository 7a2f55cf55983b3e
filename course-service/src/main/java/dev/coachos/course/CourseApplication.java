package dev.coachos.course;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * course-service: the catalogue (courses, roadmaps), versioned curricula with approval,
 * lessons and their resources, assignments and submissions, students' highlights and bookmarks.
 */
@SpringBootApplication
public class CourseApplication {

    public static void main(String[] args) {
        SpringApplication.run(CourseApplication.class, args);
    }
}
