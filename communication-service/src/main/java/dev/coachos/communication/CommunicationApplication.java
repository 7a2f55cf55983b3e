package dev.coachos.communication;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * communication-service owns the notifications each user reads in the app ({@code notification}),
 * made from the events of identity, course, enrollment, assessment and finance services (one package
 * per upstream), a directory of users fed by identity's events, and support queries with their
 * service-level targets ({@code query}), which it publishes as QueryOpened and QueryResolved;
 * announcements to audiences resolved at publishing ({@code announcement}, AnnouncementPublished),
 * leaves and their approval ({@code leave}, LeaveRequested and LeaveDecided) and todos ({@code todo}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CommunicationApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommunicationApplication.class, args);
    }

    /** The clock service-level targets are judged by; tests replace it to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
