package dev.coachos.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.events.Topics;
import dev.coachos.events.marketing.LeadConversionRequested;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.OutboxReader;
import dev.coachos.testing.PublishedEvent;
import dev.coachos.testing.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against a real (embedded) broker: marketing-service's LeadConversionRequested gives the lead a
 * student account, made once or linked, and identity-service answers with LeadAccountReady or
 * LeadAccountRefused on its own topic (read here from its outbox, which the relay delivers).
 */
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "spring.kafka.admin.auto-create=true",
        "coachos.events.partitions=1",
        "logging.level.org.apache.kafka=warn"})
class LeadConversionEventsIT extends IdentityTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcTemplate jdbc;

    private OutboxReader outbox;
    private String director;
    private UUID branch;

    @BeforeEach
    void setUp() {
        outbox = new OutboxReader(jdbc);
        director = director();
        branch = createBranch(director, "LD-" + UUID.randomUUID().toString().substring(0, 6));
    }

    @Test
    void aRequestDeliveredTwiceAndRepeatedForTheSameLeadMakesOneAccount() {
        UUID lead = UUID.randomUUID();
        String email = unique("lead");
        String phone = "+91" + tenDigits();
        String first = PublishedEvent.json("LeadConversionRequested",
                request(lead, UUID.randomUUID(), "Asha Verma", email, phone, branch));
        send(lead, first);
        send(lead, first);
        // Another attempt for the same lead (say, into another batch), under a new event id.
        UUID secondConversion = UUID.randomUUID();
        String second = PublishedEvent.json("LeadConversionRequested",
                request(lead, secondConversion, "Asha Verma", email, phone, branch));
        send(lead, second);

        await().atMost(Duration.ofSeconds(60)).until(() -> applied(second));
        assertThat(count("select count(*) from processed_event where consumer = 'identity.leads' and event_id = ?",
                eventId(first))).isEqualTo(1);
        assertThat(count("select count(*) from app_user where lower(email) = lower(?)", email))
                .as("exactly one account").isEqualTo(1);
        Map<String, Object> account = jdbc.queryForMap("""
                select u.id, u.name, u.phone, u.branch_id, r.name as role from app_user u join role r on r.id = u.role_id
                where lower(u.email) = lower(?)""", email);
        UUID student = (UUID) account.get("id");
        assertThat(account).containsEntry("name", "Asha Verma").containsEntry("phone", phone)
                .containsEntry("branch_id", branch).containsEntry("role", "STUDENT");

        List<JsonNode> answers = outbox.payloads("LeadAccountReady", lead.toString());
        assertThat(answers).hasSize(2);
        assertThat(answers).extracting(a -> a.path("studentId").asString()).containsOnly(student.toString());
        assertThat(answers).extracting(a -> a.path("created").asBoolean()).containsOnly(true);
        assertThat(answers.get(1).path("conversionId").asString()).isEqualTo(secondConversion.toString());
        assertThat(answers.getFirst().path("email").asString()).isEqualTo(email);
        assertThat(answers.getFirst().path("batchId").asString()).isNotBlank();
        assertThat(outbox.payloads("LeadAccountRefused", lead.toString())).isEmpty();
        assertThat(outbox.events("UserRegistered", student.toString())).hasSize(1);
        assertThat(outbox.actors("LeadAccountReady", lead.toString()).getFirst().path("via").asString())
                .as("the answer names the request as its cause").isEqualTo("event:" + eventId(first));
        assertThat(count("select count(*) from lead_account where lead_id = ? and user_id = ? and created", lead,
                student)).isEqualTo(1);
        // The set-password link is issued once, after the account's transaction committed.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from password_reset_token where user_id = ?", student) >= 1);
        assertThat(count("select count(*) from password_reset_token where user_id = ?", student)).isEqualTo(1);
    }

    @Test
    void anExistingStudentIsLinkedByEmailWhateverItsCase() {
        String email = unique("known");
        UUID existing = createUser(director, email, "STUDENT", branch, "student-pass-1");
        UUID lead = UUID.randomUUID();
        String event = PublishedEvent.json("LeadConversionRequested",
                request(lead, UUID.randomUUID(), "Known Student", email.toUpperCase(), "+91" + tenDigits(), branch));
        send(lead, event);

        await().atMost(Duration.ofSeconds(60)).until(() -> applied(event));
        JsonNode answer = single("LeadAccountReady", lead);
        assertThat(answer.path("studentId").asString()).isEqualTo(existing.toString());
        assertThat(answer.path("created").asBoolean()).isFalse();
        assertThat(count("select count(*) from app_user where lower(email) = lower(?)", email)).isEqualTo(1);
        assertThat(count("select count(*) from lead_account where lead_id = ? and user_id = ? and not created", lead,
                existing)).isEqualTo(1);
        assertThat(count("select count(*) from password_reset_token where user_id = ?", existing))
                .as("a linked account is sent no link").isZero();
    }

    @Test
    void aPhoneTypedAnotherWayFindsTheAccountButWithoutItsEmailItIsAConflict() {
        String digits = tenDigits();
        String email = unique("byphone");
        UUID existing = createUserWithPhone(email, "STUDENT", "0" + digits.substring(0, 5) + " " + digits.substring(5));
        UUID lead = UUID.randomUUID();
        String event = PublishedEvent.json("LeadConversionRequested",
                request(lead, UUID.randomUUID(), "Phone Person", unique("other-address"), "+91" + digits, branch));
        send(lead, event);

        await().atMost(Duration.ofSeconds(60)).until(() -> applied(event));
        JsonNode refusal = single("LeadAccountRefused", lead);
        assertThat(refusal.path("reason").asString()).isEqualTo("ACCOUNT_CONFLICT");
        assertThat(refusal.path("detail").asString()).contains("+91" + digits).doesNotContain(email);
        assertThat(count("select count(*) from lead_account where lead_id = ?", lead)).isZero();

        // With the student's own address the same phone, typed another way, is the same person: linked.
        String again = PublishedEvent.json("LeadConversionRequested",
                request(lead, UUID.randomUUID(), "Phone Person", email, "+91" + digits, branch));
        send(lead, again);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(again));
        JsonNode answer = single("LeadAccountReady", lead);
        assertThat(answer.path("studentId").asString()).isEqualTo(existing.toString());
        assertThat(answer.path("created").asBoolean()).isFalse();
    }

    @Test
    void aStudentOfAnotherBranchIsNotLinkedAndACorrectedEmailIsNotGivenTheOldAccount() {
        String email = unique("elsewhere");
        createUser(director, email, "STUDENT", createBranch(director, "LX-" + UUID.randomUUID().toString()
                .substring(0, 6)), "student-pass-1");
        UUID lead = UUID.randomUUID();
        String event = PublishedEvent.json("LeadConversionRequested",
                request(lead, UUID.randomUUID(), "Far Student", email, "+91" + tenDigits(), branch));
        send(lead, event);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(event));
        assertThat(single("LeadAccountRefused", lead).path("reason").asString()).isEqualTo("ACCOUNT_CONFLICT");

        // A lead given an account, whose e-mail staff then correct, does not get that account again.
        UUID typo = UUID.randomUUID();
        String first = PublishedEvent.json("LeadConversionRequested",
                request(typo, UUID.randomUUID(), "Typo Person", unique("typo"), "+91" + tenDigits(), branch));
        send(typo, first);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(first));
        String corrected = PublishedEvent.json("LeadConversionRequested",
                request(typo, UUID.randomUUID(), "Typo Person", unique("fixed"), "+91" + tenDigits(), branch));
        send(typo, corrected);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(corrected));
        assertThat(single("LeadAccountRefused", typo).path("reason").asString()).isEqualTo("ACCOUNT_CONFLICT");
        assertThat(count("select count(*) from lead_account where lead_id = ?", typo)).isEqualTo(1);
    }

    @Test
    void aStaffMembersEmailIsAConflictAndNothingIsRecorded() {
        String email = unique("teacher");
        createUser(director, email, "TEACHER", branch, "teacher-pass-1");
        UUID lead = UUID.randomUUID();
        String event = PublishedEvent.json("LeadConversionRequested",
                request(lead, UUID.randomUUID(), "Not A Teacher", email, "+91" + tenDigits(), branch));
        send(lead, event);

        await().atMost(Duration.ofSeconds(60)).until(() -> applied(event));
        JsonNode refusal = single("LeadAccountRefused", lead);
        assertThat(refusal.path("reason").asString()).isEqualTo("ACCOUNT_CONFLICT");
        assertThat(refusal.path("detail").asString()).contains(email).contains("staff or teacher");
        assertThat(outbox.payloads("LeadAccountReady", lead.toString())).isEmpty();
        assertThat(count("select count(*) from lead_account where lead_id = ?", lead)).isZero();
        assertThat(count("select count(*) from app_user where lower(email) = lower(?)", email)).isEqualTo(1);
    }

    @Test
    void anEmailOfOneStudentWithThePhoneOfAnotherIsAConflict() {
        String email = unique("one");
        createUser(director, email, "STUDENT", branch, "student-pass-1");
        String digits = tenDigits();
        createUserWithPhone(unique("two"), "STUDENT", digits);
        UUID lead = UUID.randomUUID();
        String event = PublishedEvent.json("LeadConversionRequested",
                request(lead, UUID.randomUUID(), "Mixed Up", email, "+91" + digits, branch));
        send(lead, event);

        await().atMost(Duration.ofSeconds(60)).until(() -> applied(event));
        JsonNode refusal = single("LeadAccountRefused", lead);
        assertThat(refusal.path("reason").asString()).isEqualTo("ACCOUNT_CONFLICT");
        assertThat(refusal.path("detail").asString()).contains("another");
        assertThat(count("select count(*) from lead_account where lead_id = ?", lead)).isZero();
    }

    @Test
    void aLeadWithoutAUsableEmailIsRefusedAndMayTryAgainOnceMended() {
        UUID lead = UUID.randomUUID();
        String bad = PublishedEvent.json("LeadConversionRequested",
                request(lead, UUID.randomUUID(), "No Mail", "not-an-address", "+91" + tenDigits(), branch));
        send(lead, bad);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(bad));
        JsonNode refusal = single("LeadAccountRefused", lead);
        assertThat(refusal.path("reason").asString()).isEqualTo("INVALID_DETAILS");
        assertThat(count("select count(*) from lead_account where lead_id = ?", lead)).isZero();

        String email = unique("mended");
        String mended = PublishedEvent.json("LeadConversionRequested",
                request(lead, UUID.randomUUID(), "No Mail", email, "+91" + tenDigits(), branch));
        send(lead, mended);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(mended));
        JsonNode answer = single("LeadAccountReady", lead);
        assertThat(answer.path("created").asBoolean()).isTrue();
        assertThat(answer.path("email").asString()).isEqualTo(email);
    }

    private UUID createUserWithPhone(String email, String role, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("name", "User " + email);
        body.put("roleName", role);
        body.put("branchId", branch.toString());
        body.put("phone", phone);
        body.put("password", "student-pass-1");
        Response response = api.post("/api/v1/users", director, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.text("id"));
    }

    private JsonNode single(String type, UUID lead) {
        List<JsonNode> payloads = outbox.payloads(type, lead.toString());
        assertThat(payloads).as(type + " about lead " + lead).hasSize(1);
        return payloads.getFirst();
    }

    private void send(UUID lead, String value) {
        TestKafka.send(broker.getBrokersAsString(), Topics.MARKETING, lead.toString(), value);
    }

    private boolean applied(String event) {
        return count("select count(*) from processed_event where consumer = 'identity.leads' and event_id = ?",
                eventId(event)) == 1;
    }

    private static UUID eventId(String event) {
        return UUID.fromString(JSON.readTree(event).path("eventId").asString());
    }

    private int count(String sql, Object... args) {
        Integer value = jdbc.queryForObject(sql, Integer.class, args);
        return value == null ? 0 : value;
    }

    /** An Indian mobile number's ten digits, different in every test. */
    private static String tenDigits() {
        return "9" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    private static LeadConversionRequested request(UUID lead, UUID conversion, String name, String email,
            String phone, UUID branch) {
        return new LeadConversionRequested(lead.toString(), conversion.toString(), name, email, phone,
                branch.toString(), UUID.randomUUID().toString(), "PERCENTAGE", "10", UUID.randomUUID().toString(),
                "2026-12-02T10:00:00Z");
    }
}
