package dev.coachos.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.events.Topics;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.TestKafka;
import tools.jackson.databind.JsonNode;

/**
 * The conversion against a real (embedded) broker, with identity's, enrollment's and finance's
 * answers sent as those services send them: every answer delivered twice still converts the lead
 * once; a full batch fails the attempt with the reason and leaves the lead in its stage, and
 * another batch may be tried; a retried request answers the attempt under way. The read models of
 * identity's and enrollment's events are fed the same way.
 */
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "coachos.outbox.relay-enabled=true",
        "spring.kafka.admin.auto-create=true",
        "coachos.events.partitions=1",
        "logging.level.org.apache.kafka=warn"})
class ConversionIT extends MarketingTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    EmbeddedKafkaBroker broker;

    private UUID branch;
    private String marketer;

    @BeforeEach
    void branchAndStaff() {
        branch = branch("BLR");
        marketer = marketer(branch);
    }

    @Test
    void everyAnswerDeliveredTwiceStillConvertsTheLeadOnce() {
        UUID batch = batch("JEE 2027 Morning", branch);
        String lead = lead("Sanjay Patel", "9880000001", "sanjay@example.in");
        String token = marketer;
        Response started = api.post("/api/v1/leads/" + lead + "/conversion", token,
                Map.of("batchId", batch.toString(), "discountType", "PERCENTAGE", "discount", 10));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().path("progress").asString()).isEqualTo("REQUESTED");
        String conversion = started.json().path("id").asString();
        // A retried request answers the same attempt, and asks identity nothing more.
        Response retried = api.post("/api/v1/leads/" + lead + "/conversion", token,
                Map.of("batchId", batch.toString(), "discountType", "PERCENTAGE", "discount", 10));
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("id").asString()).isEqualTo(conversion);
        JsonNode request = published("LeadConversionRequested", lead, 2);
        assertThat(request.path("email").asString()).isEqualTo("sanjay@example.in");
        assertThat(request.path("phone").asString()).isEqualTo("+919880000001");
        assertThat(request.path("batchId").asString()).isEqualTo(batch.toString());
        assertThat(request.path("discount").asString()).isEqualTo("10.00");
        assertThat(request.path("discountType").asString()).isEqualTo("PERCENTAGE");
        assertThat(outbox.payloads("LeadConversionRequested", lead)).hasSize(1);

        UUID student = UUID.randomUUID();
        UUID enrollment = UUID.randomUUID();
        twice(Topics.IDENTITY, lead, envelope("LeadAccountReady", """
                {"leadId":"%s","conversionId":"%s","studentId":"%s","created":true,"name":"Sanjay Patel",
                 "email":"sanjay@example.in","branchId":"%s","batchId":"%s","discountType":"PERCENTAGE","discount":"10.00"}"""
                .formatted(lead, conversion, student, branch, batch)));
        await().atMost(PATIENCE).until(() -> progress(lead).equals("ACCOUNT_READY"));
        // Finance's plan may arrive before enrollment's answer: it is kept, and shown when the enrollment is.
        UUID plan = UUID.randomUUID();
        twice(Topics.FINANCE, student.toString(), envelope("FeePlanCreated", """
                {"planId":"%s","enrollmentId":"%s","studentId":"%s","branchId":"%s","courseTitle":"JEE Physics",
                 "batchName":"JEE 2027 Morning","frequency":"ONE_TIME","total":"45000.00","installments":1,
                 "firstDueDate":"2026-12-02"}""".formatted(plan, enrollment, student, branch)));
        twice(Topics.ENROLLMENT, lead, envelope("LeadEnrolled", """
                {"leadId":"%s","conversionId":"%s","enrollmentId":"%s","studentId":"%s","batchId":"%s"}"""
                .formatted(lead, conversion, enrollment, student, batch)));
        await().atMost(PATIENCE).until(() -> progress(lead).equals("FEE_PLAN_RAISED"));

        JsonNode converted = api.get("/api/v1/leads/" + lead, marketer).json();
        assertThat(converted.path("stage").asString()).isEqualTo("CONVERTED");
        assertThat(converted.path("studentId").asString()).isEqualTo(student.toString());
        assertThat(converted.path("enrollmentId").asString()).isEqualTo(enrollment.toString());
        assertThat(converted.path("nextFollowUpAt").isNull()).isTrue();
        JsonNode done = api.get("/api/v1/leads/" + lead + "/conversion", marketer).json();
        assertThat(done.path("feePlanId").asString()).isEqualTo(plan.toString());
        assertThat(done.path("accountCreated").asBoolean()).isTrue();
        JsonNode convertedEvent = published("LeadConverted", lead, 4);
        assertThat(convertedEvent.path("studentId").asString()).isEqualTo(student.toString());
        assertThat(convertedEvent.path("enrollmentId").asString()).isEqualTo(enrollment.toString());
        assertThat(outbox.payloads("LeadConverted", lead)).hasSize(1);
        assertThat(outbox.payloads("LeadStageChanged", lead)).singleElement()
                .satisfies(p -> assertThat(p.path("toStage").asString()).isEqualTo("CONVERTED"));
        assertThat(count("select count(*) from lead_activity where lead_id = ?::uuid and type = 'CONVERSION'", lead))
                .isEqualTo(3);
        // Once converted, the same request answers the finished attempt; another batch is refused.
        assertThat(api.post("/api/v1/leads/" + lead + "/conversion", marketer,
                Map.of("batchId", batch.toString(), "discountType", "PERCENTAGE", "discount", 10)).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/leads/" + lead + "/conversion", marketer,
                Map.of("batchId", batch("Other", branch).toString())).status()).isEqualTo(409);
    }

    @Test
    void aFullBatchFailsTheAttemptAndTheLeadStaysInItsStageForAnotherBatch() {
        UUID full = batch("NEET Weekend", branch);
        String lead = lead("Divya Nair", "9880000002", "divya@example.in");
        Response moved = api.post("/api/v1/leads/" + lead + "/stage", marketer, Map.of("stage", "NEGOTIATION"));
        assertThat(moved.status()).isEqualTo(200);
        String first = api.post("/api/v1/leads/" + lead + "/conversion", marketer, Map.of("batchId", full.toString()))
                .json().path("id").asString();
        UUID student = UUID.randomUUID();
        send(Topics.IDENTITY, lead, envelope("LeadAccountReady", """
                {"leadId":"%s","conversionId":"%s","studentId":"%s","created":true,"name":"Divya Nair",
                 "email":"divya@example.in","branchId":"%s","batchId":"%s","discountType":null,"discount":null}"""
                .formatted(lead, first, student, branch, full)));
        twice(Topics.ENROLLMENT, lead, envelope("LeadEnrollmentRefused", """
                {"leadId":"%s","conversionId":"%s","studentId":"%s","batchId":"%s","reason":"BATCH_FULL",
                 "detail":"NEET Weekend has all 30 places taken"}""".formatted(lead, first, student, full)));
        await().atMost(PATIENCE).until(() -> progress(lead).equals("FAILED"));
        JsonNode failed = api.get("/api/v1/leads/" + lead + "/conversion", marketer).json();
        assertThat(failed.path("failureReason").asString()).isEqualTo("BATCH_FULL");
        assertThat(failed.path("failureDetail").asString()).contains("30 places");
        JsonNode still = api.get("/api/v1/leads/" + lead, marketer).json();
        assertThat(still.path("stage").asString()).isEqualTo("NEGOTIATION");
        assertThat(still.path("studentId").isNull()).isTrue();

        UUID other = batch("NEET Evening", branch);
        Response again = api.post("/api/v1/leads/" + lead + "/conversion", marketer, Map.of("batchId", other.toString()));
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("id").asString()).isNotEqualTo(first);
        assertThat(outbox.payloads("LeadConversionRequested", lead)).hasSize(2);
        // While it runs, the lead does not move or change by hand.
        assertThat(api.post("/api/v1/leads/" + lead + "/stage", marketer, Map.of("stage", "LOST", "reason", "x"))
                .status()).isEqualTo(409);
        assertThat(api.patch("/api/v1/leads/" + lead, marketer, Map.of("version", still.path("version").asInt(),
                "email", "divya.nair@example.in")).status()).isEqualTo(409);
        // An attempt stuck waiting (its answer lost, say) is given up by staff; then the lead moves again.
        Response cancelled = api.post("/api/v1/leads/" + lead + "/conversion/cancellation", marketer,
                Map.of("reason", "Parents want to wait a month"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("progress").asString()).isEqualTo("FAILED");
        assertThat(cancelled.json().path("failureReason").asString()).isEqualTo("CANCELLED");
        assertThat(api.post("/api/v1/leads/" + lead + "/conversion/cancellation", marketer, Map.of()).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/leads/" + lead + "/stage", marketer, Map.of("stage", "LOST", "reason",
                "Waiting a month")).status()).isEqualTo(200);
    }

    @Test
    void aConversionNeedsAnEmailAKnownBatchAndAValidDiscount() {
        UUID batch = batch("Foundation", branch);
        String noEmail = lead("Kiran", "9880000003", null);
        Response missing = api.post("/api/v1/leads/" + noEmail + "/conversion", marketer,
                Map.of("batchId", batch.toString()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).containsExactly("email");
        String lead = lead("Kiran Rao", "9880000004", "kiran@example.in");
        assertThat(api.post("/api/v1/leads/" + lead + "/conversion", marketer,
                Map.of("batchId", UUID.randomUUID().toString())).errorFields()).containsExactly("batchId");
        assertThat(api.post("/api/v1/leads/" + lead + "/conversion", marketer,
                Map.of("batchId", batch.toString(), "discountType", "PERCENTAGE", "discount", 120)).errorFields())
                .containsExactly("discount");
        assertThat(api.post("/api/v1/leads/" + lead + "/conversion", marketer,
                Map.of("batchId", batch.toString(), "discount", 500)).errorFields()).containsExactly("discountType");
        assertThat(api.post("/api/v1/leads/" + lead + "/conversion", marketer,
                Map.of("batchId", batch.toString(), "discountType", "FIXED", "discount", 10.005)).errorFields())
                .containsExactly("discount");
        assertThat(api.post("/api/v1/leads/" + lead + "/conversion", marketer(branch("HYD")),
                Map.of("batchId", batch.toString())).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/leads/" + lead + "/conversion", analyst(),
                Map.of("batchId", batch.toString())).status()).isEqualTo(403);
        assertThat(outbox.payloads("LeadConversionRequested", lead)).isEmpty();
    }

    @Test
    void staffBranchesAndBatchesArriveFromIdentityAndEnrollment() {
        UUID newBranch = UUID.randomUUID();
        UUID staff = UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        twice(Topics.IDENTITY, newBranch.toString(), envelope("BranchOpened", """
                {"branchId":"%s","code":"PUN-01","name":"Kothrud","city":"Pune","state":"Maharashtra",
                 "stateCode":"27","gstin":null,"receiptSeries":"PUN","active":true}""".formatted(newBranch)));
        send(Topics.IDENTITY, staff.toString(), envelope("UserRegistered", """
                {"userId":"%s","email":"pooja@example.in","name":"Pooja Kulkarni","role":"BACKOFFICE",
                 "branchId":"%s","profileType":"STAFF"}""".formatted(staff, newBranch)));
        send(Topics.ENROLLMENT, batch.toString(), envelope("BatchCreated", """
                {"batchId":"%s","courseId":"%s","name":"MHT-CET 2027","startDate":"2027-01-04","endDate":null,
                 "capacity":40,"teacherId":null,"branchId":"%s","fee":"30000.00","feeFrequency":"ONE_TIME",
                 "teacherCompensation":null,"teacherCommission":null,"monthlyOverheadCost":null}"""
                .formatted(batch, UUID.randomUUID(), newBranch)));
        await().atMost(PATIENCE).until(() -> count("select count(*) from staff_view where user_id = ?", staff) == 1
                && count("select count(*) from batch_view where batch_id = ?", batch) == 1
                && count("select count(*) from branch_view where branch_id = ?", newBranch) == 1);
        String token = marketer(newBranch);
        Response created = api.post("/api/v1/leads", token, Map.of("name", "Omkar Joshi", "phone", "9890000001",
                "source", "EVENT", "assigneeId", staff.toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        send(Topics.IDENTITY, staff.toString(), envelope("UserDeactivated", """
                {"userId":"%s"}""".formatted(staff)));
        await().atMost(PATIENCE).until(() -> count("select count(*) from staff_view where user_id = ? and not active",
                staff) == 1);
        Response refused = api.post("/api/v1/leads", token, Map.of("name", "Omkar J", "phone", "9890000002",
                "source", "EVENT", "assigneeId", staff.toString()));
        assertThat(refused.status()).isEqualTo(400);
    }

    private String lead(String name, String phone, String email) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "phone", phone, "source", "WALK_IN"));
        if (email != null) {
            body.put("email", email);
        }
        Response created = api.post("/api/v1/leads", marketer, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private String progress(String lead) {
        return api.get("/api/v1/leads/" + lead + "/conversion", marketer).json().path("progress").asString();
    }

    /** The payload of the type this service published about the lead, as it reached its topic (once {@code records} of the lead's are there). */
    private JsonNode published(String type, String lead, int records) {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        return TestKafka.valuesWithKey(broker.getBrokersAsString(), Topics.MARKETING, lead, records).stream()
                .map(json::readTree).filter(v -> v.path("type").asString().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + type + " for lead " + lead + " on " + Topics.MARKETING))
                .path("payload");
    }

    private void send(String topic, String key, String value) {
        TestKafka.send(broker.getBrokersAsString(), topic, key, value);
    }

    /** The same event twice, as a redelivery brings it. */
    private void twice(String topic, String key, String value) {
        send(topic, key, value);
        send(topic, key, value);
    }

    private static String envelope(String type, String payload) {
        return """
                {"eventId":"%s","type":"%s","schemaVersion":1,"occurredAt":"2026-12-02T05:30:00Z",
                 "source":"test","traceparent":null,"payload":%s}""".formatted(UUID.randomUUID(), type, payload);
    }
}
