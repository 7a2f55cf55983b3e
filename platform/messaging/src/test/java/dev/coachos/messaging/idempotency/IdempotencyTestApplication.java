package dev.coachos.messaging.idempotency;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Just the idempotency keys over a real database. */
@SpringBootApplication
public class IdempotencyTestApplication {
}
