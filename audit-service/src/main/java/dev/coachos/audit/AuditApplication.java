package dev.coachos.audit;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * audit-service owns the audit trail ({@code trail}): one record per event of every service, read
 * from every {@code coachos.<domain>.events} topic ({@code events}), kept append-only in hash
 * chains ({@code chain}) and monthly partitions, searched and verified through a read-only API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AuditApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuditApplication.class, args);
    }

    /** The clock records are stamped with (UTC). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
