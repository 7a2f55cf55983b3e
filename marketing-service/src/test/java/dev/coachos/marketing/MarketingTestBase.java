package dev.coachos.marketing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.ServiceIntegrationTest;
import dev.coachos.testing.SettableClock;

/**
 * marketing-service as it runs (see {@link ServiceIntegrationTest}) on a database of the test
 * class's own, with staff and batches known as identity's and enrollment's events would leave
 * them, and a clock the tests set (11:00 in Delhi on 2 December 2026 unless a test moves it).
 */
@IsolatedDatabase(service = "marketing")
@Import(SettableClock.AsTheClock.class)
public abstract class MarketingTestBase extends ServiceIntegrationTest {

    protected static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    protected static final Instant NOW = Instant.parse("2026-12-02T05:30:00Z");

    @Autowired
    protected SettableClock clock;

    @BeforeEach
    void elevenInDelhi() {
        clock.set(NOW);
    }

    /** An open branch as identity's BranchOpened leaves it. */
    protected UUID branch(String code) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into branch_view (branch_id, code, name, active, updated_at) values (?, ?, ?, true, now())",
                id, code + "-" + id.toString().substring(0, 4), "Branch " + code);
        return id;
    }

    /** A staff member as identity's UserRegistered leaves them. */
    protected UUID staffMember(String name, UUID branch) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into staff_view (user_id, name, email, branch_id, profile_type, active, updated_at)
                values (?, ?, ?, ?, 'STAFF', true, now())""", id, name, id + "@example.in", branch);
        return id;
    }

    /** A batch as enrollment's BatchCreated leaves it. */
    protected UUID batch(String name, UUID branch) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into batch_view (batch_id, course_id, branch_id, name, status, updated_at)
                values (?, ?, ?, ?, 'OPEN', now())""", id, UUID.randomUUID(), branch, name);
        return id;
    }

    /** Marketing staff of a branch: manage:leads and manage:campaigns there. */
    protected static String marketer(UUID branch) {
        return KEYS.staff("DIGITAL_MARKETING", branch, "manage:leads", "read:leads", "manage:campaigns",
                "read:campaigns");
    }

    /** An analyst at head office: reads leads and campaigns everywhere, changes nothing. */
    protected static String analyst() {
        return KEYS.token().roles(java.util.List.of("BUSINESS_ANALYST"))
                .permissions(java.util.List.of("read:leads", "read:campaigns", "access:all_branches")).staffProfile().sign();
    }

    protected static String studentToken(UUID student) {
        return KEYS.student(student, "read:courses");
    }
}
