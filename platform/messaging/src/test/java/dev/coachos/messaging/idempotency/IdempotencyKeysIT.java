package dev.coachos.messaging.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.ErrorResponseException;

import dev.coachos.testing.IsolatedDatabase;

/** Idempotency keys against a real PostgreSQL: once per key, replayed answers, reuse refused, races. */
@SpringBootTest(classes = IdempotencyTestApplication.class, properties = {
        "spring.flyway.locations=classpath:db/idempotency-test",
        "spring.flyway.schemas=identity",
        "spring.flyway.default-schema=identity",
        "spring.flyway.create-schemas=false",
        "coachos.outbox.relay-enabled=false",
        "spring.kafka.admin.auto-create=false",
        "spring.kafka.listener.auto-startup=false"})
@IsolatedDatabase(service = "identity")
class IdempotencyKeysIT {

    @Autowired
    IdempotencyKeys keys;
    @Autowired
    JdbcTemplate jdbc;

    private final UUID caller = UUID.randomUUID();

    @Test
    void aKeyRunsTheWriteOnceAndReplaysItsAnswer() {
        String counter = counter();
        Map<String, Object> request = Map.of("seat", 1);
        IdempotencyKeys.Answer first = keys.once(caller, "k-1", request, () -> increment(counter));
        IdempotencyKeys.Answer again = keys.once(caller, "k-1", request, () -> increment(counter));
        assertThat(first).isEqualTo(new IdempotencyKeys.Answer(201, "{\"value\":1}", false));
        assertThat(again).isEqualTo(new IdempotencyKeys.Answer(201, "{\"value\":1}", true));
        assertThat(keys.finished(caller, "k-1", request)).contains(again);
        assertThat(value(counter)).isEqualTo(1);
        // Keys are the caller's own: another caller's same key is another request.
        assertThat(keys.once(UUID.randomUUID(), "k-1", request, () -> increment(counter)).replayed()).isFalse();
        // Without a key, every request runs.
        keys.once(caller, null, request, () -> increment(counter));
        assertThat(value(counter)).isEqualTo(3);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        String counter = counter();
        keys.once(caller, "k-2", Map.of("seat", 1), () -> increment(counter));
        for (Runnable reuse : List.<Runnable>of(
                () -> keys.once(caller, "k-2", Map.of("seat", 2), () -> increment(counter)),
                () -> keys.finished(caller, "k-2", Map.of("seat", 2)))) {
            assertThatThrownBy(reuse::run).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                assertThat(e.getStatusCode().value()).isEqualTo(422);
                assertThat(e.getBody().getType()).hasToString("urn:coachos:problem:idempotency-key-reused");
            });
        }
        assertThat(value(counter)).isEqualTo(1);
    }

    @Test
    void aFailedWriteLeavesTheKeyFreeForTheRetry() {
        String counter = counter();
        assertThatThrownBy(() -> keys.once(caller, "k-3", "body", () -> {
            increment(counter);
            throw new IllegalStateException("the write fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(value(counter)).isZero();
        assertThat(keys.finished(caller, "k-3", "body")).isEmpty();
        assertThat(keys.once(caller, "k-3", "body", () -> increment(counter)).replayed()).isFalse();
        assertThat(value(counter)).isEqualTo(1);
    }

    @Test
    void parallelRetriesWaitForTheFirstAndGetItsAnswer() throws Exception {
        String counter = counter();
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<IdempotencyKeys.Answer>> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(6)) {
            answers.add(pool.submit(() -> keys.once(caller, "k-4", "body", () -> {
                firstInside.countDown();
                await(release);
                return increment(counter);
            })));
            assertThat(firstInside.await(60, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 5; i++) {
                answers.add(pool.submit(() -> keys.once(caller, "k-4", "body", () -> increment(counter))));
            }
            release.countDown();
            List<IdempotencyKeys.Answer> all = new ArrayList<>();
            for (Future<IdempotencyKeys.Answer> answer : answers) {
                all.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(all).extracting(IdempotencyKeys.Answer::body).containsOnly("{\"value\":1}");
            assertThat(all).filteredOn(a -> !a.replayed()).hasSize(1);
        }
        assertThat(value(counter)).isEqualTo(1);
    }

    @Test
    void aKeyIsOneToTwoHundredCharacters() {
        assertThat(IdempotencyKeys.validKey(null)).isNull();
        assertThat(IdempotencyKeys.validKey("x".repeat(200))).hasSize(200);
        for (String bad : List.of("", "  ", "x".repeat(201))) {
            assertThatThrownBy(() -> IdempotencyKeys.validKey(bad)).isInstanceOf(ErrorResponseException.class);
        }
    }

    private String counter() {
        String name = "c-" + UUID.randomUUID();
        jdbc.update("insert into counter (name, value) values (?, 0)", name);
        return name;
    }

    private IdempotencyKeys.Answer increment(String counter) {
        jdbc.update("update counter set value = value + 1 where name = ?", counter);
        return IdempotencyKeys.Answer.of(201, "{\"value\":" + value(counter) + "}");
    }

    private int value(String counter) {
        return jdbc.queryForObject("select value from counter where name = ?", Integer.class, counter);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
