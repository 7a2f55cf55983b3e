package dev.coachos.enrollment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * enrollment-service: batches with capacity and weekly schedules, enrollments, attendance,
 * lesson progress and the calendar. Keeps read models of course-service's courses and lessons
 * and of assessment-service's quizzes and results.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EnrollmentApplication {

    public static void main(String[] args) {
        SpringApplication.run(EnrollmentApplication.class, args);
    }
}
