package dev.coachos.assessment;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * assessment-service: quizzes on curricula, their questions and versioned answer keys; students'
 * timed attempts, graded on the server the moment they are submitted (or when their time runs
 * out); teachers' manual grading and overrides; regrades after a key changes; gradebooks per
 * batch. It keeps read models of course-service (curricula, lessons, who teaches what) and
 * enrollment-service (batches, who is enrolled where), and publishes QuizPublished,
 * QuizSubmitted and QuizGraded.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AssessmentApplication {

    public static void main(String[] args) {
        SpringApplication.run(AssessmentApplication.class, args);
    }

    /** The clock deadlines and opening times are judged by; tests replace it to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
