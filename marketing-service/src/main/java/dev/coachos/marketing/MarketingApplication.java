package dev.coachos.marketing;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * marketing-service owns the funnel: website enquiries and leads with their activities and
 * follow-ups ({@code lead}), the conversion of a lead into an enrolled student as a choreography of
 * events with identity and enrollment ({@code conversion}), campaigns, their spend and their report
 * ({@code campaign}), and what it keeps of other services' events ({@code directory}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MarketingApplication {

    public static void main(String[] args) {
        SpringApplication.run(MarketingApplication.class, args);
    }

    /** The clock follow-ups and reports are judged by; tests replace it to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
