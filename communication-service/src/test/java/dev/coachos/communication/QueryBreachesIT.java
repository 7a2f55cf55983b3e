package dev.coachos.communication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.coachos.communication.query.QueryBreaches;

/** The breach sweep: the branch's managers (else head office) hear of each missed target once. */
class QueryBreachesIT extends QueryTestBase {

    @Autowired
    QueryBreaches breaches;

    @Test
    void theBranchsManagersHearOfEachMissedTargetOnceHoweverOftenTheSweepRuns() {
        UUID delhi = UUID.randomUUID();
        UUID manager = user("Delhi Office", "BACKOFFICE", delhi, "STAFF");
        UUID secondManager = user("Delhi Desk", "BACKOFFICE", delhi, "STAFF");
        UUID puneManager = user("Pune Office", "BACKOFFICE", UUID.randomUUID(), "STAFF");
        UUID student = user("Asha Rao", "STUDENT", delhi, "STUDENT");
        String subject = "Breach " + UUID.randomUUID();
        String id = open(studentToken(student, delhi), subject, "URGENT").path("id").asString();
        String answered = "Answered " + UUID.randomUUID();
        String answeredId = open(studentToken(student, delhi), answered, "URGENT").path("id").asString();
        String staff = backOfficeToken(manager, delhi);
        reply(staff, answeredId, "On it.");

        // Within the targets nobody hears anything.
        clock.advance(Duration.ofMinutes(59));
        breaches.sweep();
        assertThat(notified(manager, subject)).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        breaches.sweep();
        breaches.sweep();
        for (UUID m : List.of(manager, secondManager)) {
            assertThat(notified(m, subject)).containsExactly("Query unanswered past its target");
            assertThat(notified(m, answered)).isEmpty();
        }
        assertThat(notified(puneManager, subject)).isEmpty();

        // Past the resolution target: both queries, each once, also when two instances sweep at once.
        clock.advance(Duration.ofHours(8));
        sweepConcurrently(2);
        sweepConcurrently(2);
        for (UUID m : List.of(manager, secondManager)) {
            assertThat(notified(m, subject)).containsExactlyInAnyOrder("Query unanswered past its target",
                    "Query unresolved past its target");
            assertThat(notified(m, answered)).containsExactly("Query unresolved past its target");
        }
        assertThat(count("""
                select count(*) from support_query where id in (?::uuid, ?::uuid)
                and resolution_breach_notified_at is not null""", id, answeredId)).isEqualTo(2);
    }

    @Test
    void aBranchWithoutManagersIsToldToHeadOffice() {
        UUID lucknow = UUID.randomUUID();
        UUID generalManager = user("General Manager", "GENERAL_MANAGER", null, "STAFF");
        UUID teacher = user("Meera Iyer", "TEACHER", lucknow, "TEACHER");
        String subject = "Unanswered " + UUID.randomUUID();
        open(teacherToken(teacher, lucknow), subject, "LOW");

        clock.advance(Duration.ofHours(25));
        breaches.sweep();
        assertThat(notified(generalManager, subject)).containsExactly("Query unanswered past its target");
        assertThat(notified(teacher, subject)).isEmpty();
    }

    @Test
    void aQueryWaitingOnItsRequesterIsNotLateForResolution() {
        UUID delhi = UUID.randomUUID();
        UUID manager = user("Delhi Office", "BACKOFFICE", delhi, "STAFF");
        UUID student = user("Asha Rao", "STUDENT", delhi, "STUDENT");
        String subject = "Waiting " + UUID.randomUUID();
        String id = open(studentToken(student, delhi), subject, "URGENT").path("id").asString();
        String staff = backOfficeToken(manager, delhi);
        reply(staff, id, "Which exam centre?");
        status(staff, id, "WAITING_ON_REQUESTER");

        clock.advance(Duration.ofHours(30));
        breaches.sweep();
        assertThat(notified(manager, subject)).isEmpty();

        // The requester answers after 30 hours: the 8 hours to resolve start counting again.
        reply(studentToken(student, delhi), id, "Centre 4");
        clock.advance(Duration.ofHours(7));
        breaches.sweep();
        assertThat(notified(manager, subject)).isEmpty();
        clock.advance(Duration.ofHours(2));
        breaches.sweep();
        assertThat(notified(manager, subject)).containsExactly("Query unresolved past its target");
    }

    private void sweepConcurrently(int instances) {
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            CyclicBarrier start = new CyclicBarrier(instances);
            List<CompletableFuture<QueryBreaches.Sweep>> runs = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return breaches.sweep();
                }, pool));
            }
            runs.forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
    }
}
