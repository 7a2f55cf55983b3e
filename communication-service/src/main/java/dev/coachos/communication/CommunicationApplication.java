package dev.coachos.communication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * communication-service owns the notifications each user reads in the app ({@code notification}),
 * made from the events of identity, course, enrollment, assessment and finance services (one package
 * per upstream), and a directory of users fed by identity's events. Announcements, support queries
 * and leaves come later.
 */
@SpringBootApplication
public class CommunicationApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommunicationApplication.class, args);
    }
}
