package dev.coachos.communication.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * No provider configured (as locally): every channel goes to the application log and counts SENT by
 * provider "log". Templates, preferences and the delivery log through the API, with their permissions.
 */
class MessageApiIT extends DeliveryTestBase {

    private final UUID delhi = UUID.randomUUID();
    private final UUID pune = UUID.randomUUID();

    private String admin() {
        return KEYS.staff("BACKOFFICE", delhi, "manage:messages");
    }

    @Test
    void withNoProviderConfiguredEveryChannelIsLoggedAndCountedSent() {
        UUID user = user("Asha Rao", "STUDENT", delhi, "STUDENT");
        UUID event = UUID.randomUUID();
        assertThat(queue(Purpose.FEE_DUE, event, someone(user, "+919876543210"), FEE_DUE)).isEqualTo(3);
        // Queued twice for the same event: written once.
        assertThat(queue(Purpose.FEE_DUE, event, someone(user, "+919876543210"), FEE_DUE)).isZero();

        assertThat(sender.drainOnce()).isEqualTo(3);
        List<Map<String, Object>> rows = rows(event);
        assertThat(rows).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("SENT");
            assertThat(row.get("provider")).isEqualTo("log");
            assertThat(row.get("attempts")).isEqualTo(1);
            assertThat((String) row.get("provider_id")).isEqualTo("log:" + row.get("id"));
        });
        assertThat(sender.drainOnce()).isZero();
    }

    @Test
    void sendersDrainingAtOnceNeverClaimOneRowTwice() throws Exception {
        for (int i = 0; i < 120; i++) {
            UUID event = UUID.randomUUID();
            queue(Purpose.ABSENCE_ALERT, event, Recipient.guardian("Concurrent guardian " + i, null,
                    "+9198" + String.format("%08d", i)), Map.of("studentName", "Student " + i, "batchName", "JEE A",
                    "date", "2 Dec 2026"), Channel.SMS, Channel.WHATSAPP);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Integer>> drained = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            drained.add(pool.submit(() -> {
                start.await();
                int total = 0;
                int round;
                do {
                    round = sender.drainOnce();
                    total += round;
                } while (round > 0);
                return total;
            }));
        }
        start.countDown();
        int total = 0;
        for (java.util.concurrent.Future<Integer> future : drained) {
            total += future.get(2, java.util.concurrent.TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(total).isGreaterThanOrEqualTo(240);
        // Each row claimed once: a second claim would have counted a second attempt.
        assertThat(count("select count(*) from delivery where recipient_name like 'Concurrent guardian %'"))
                .isEqualTo(240);
        assertThat(count("select count(*) from delivery where recipient_name like 'Concurrent guardian %'"
                + " and status = 'SENT' and attempts = 1")).isEqualTo(240);
    }

    @Test
    void theSuiteShipsATemplateForEveryPurposeOnEveryChannel() {
        Response listed = api.get("/api/v1/message-templates", admin());
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        List<JsonNode> templates = listed.json().valueStream().toList();
        assertThat(templates).hasSize(Purpose.values().length * Channel.values().length);
        for (JsonNode template : templates) {
            List<String> variables = template.path("variables").valueStream().map(JsonNode::asString).toList();
            assertThat(variables).isNotEmpty();
            for (String variable : variables) {
                assertThat(template.path("body").asString()).contains("{{" + variable + "}}");
            }
            switch (Channel.valueOf(template.path("channel").asString())) {
                case EMAIL -> assertThat(template.path("subject").asString()).isNotBlank();
                // (Another test of this class registers QUIZ_RESULT's SMS text.)
                case SMS -> assertThat(template.path("providerTemplateId").asString()).isIn(
                        "REPLACE_WITH_DLT_ID_" + template.path("purpose").asString(), "1107161234567890");
                case WHATSAPP -> {
                    assertThat(template.path("providerTemplateId").asString())
                            .isEqualTo(template.path("purpose").asString().toLowerCase());
                    assertThat(template.path("language").asString()).isEqualTo("en");
                }
            }
        }
        assertThat(api.get("/api/v1/message-templates?purpose=QUIZ_RESULT&channel=WHATSAPP", admin()).json()
                .valueStream().map(t -> t.path("variables").toString()).toList())
                .containsExactly("[\"studentName\",\"quizTitle\",\"score\",\"maxScore\",\"percent\"]");
    }

    @Test
    void templatesAreValidatedAndOnePerPurposeAndChannel() {
        String token = admin();
        JsonNode quiz = api.get("/api/v1/message-templates?purpose=QUIZ_RESULT&channel=SMS", token).json().get(0);
        String id = quiz.path("id").asString();
        Map<String, Object> good = new HashMap<>(Map.of("purpose", "QUIZ_RESULT", "channel", "SMS",
                "body", "{{studentName}} scored {{score}} in {{quizTitle}}.", "providerTemplateId", "1107161234567890",
                "variables", List.of("studentName", "score", "quizTitle")));

        Response changed = api.put("/api/v1/message-templates/" + id, token, good);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("providerTemplateId").asString()).isEqualTo("1107161234567890");
        assertThat(changed.json().path("version").asInt()).isEqualTo(quiz.path("version").asInt() + 1);

        assertThat(with(token, id, good, "variables", List.of("studentName", "score")).errorFields())
                .containsExactly("variables");
        assertThat(with(token, id, good, "variables", List.of("studentName", "score", "quizTitle", "extra"))
                .errorFields()).containsExactly("variables");
        assertThat(with(token, id, good, "providerTemplateId", null).errorFields()).containsExactly("providerTemplateId");
        assertThat(with(token, id, good, "purpose", "BIRTHDAY").errorFields()).containsExactly("purpose");
        assertThat(with(token, id, good, "channel", "PIGEON").errorFields()).containsExactly("channel");
        assertThat(with(token, id, good, "body", "x".repeat(4001)).errorFields()).containsExactly("body");
        assertThat(with(token, id, good, "body", "").errorFields()).containsExactly("body");
        Map<String, Object> whatsapp = new HashMap<>(good);
        whatsapp.put("channel", "WHATSAPP");
        assertThat(with(token, id, whatsapp, "language", null).errorFields()).containsExactly("language");
        Map<String, Object> email = new HashMap<>(good);
        email.put("channel", "EMAIL");
        assertThat(with(token, id, email, "subject", null).errorFields()).containsExactly("subject");

        // One per purpose and channel.
        Response twice = api.post("/api/v1/message-templates", token, good);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("type")).isEqualTo("urn:coachos:problem:conflict");
        assertThat(api.put("/api/v1/message-templates/" + UUID.randomUUID(), token, good).status()).isEqualTo(404);

        // Only with manage:messages.
        assertThat(api.get("/api/v1/message-templates", KEYS.staff("BACKOFFICE", delhi, "read:messages")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/message-templates", studentToken(UUID.randomUUID(), delhi), good).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/message-templates", null).status()).isEqualTo(401);
    }

    @Test
    void aPurposeWithNoActiveTemplateOnAChannelIsSkippedThereWithTheReason() {
        JsonNode template = api.get("/api/v1/message-templates?purpose=QUIZ_RESULT&channel=WHATSAPP", admin()).json()
                .get(0);
        Map<String, Object> off = new HashMap<>(Map.of("purpose", "QUIZ_RESULT", "channel", "WHATSAPP",
                "body", template.path("body").asString(), "providerTemplateId", "quiz_result", "language", "en",
                "variables", template.path("variables"), "active", false));
        assertThat(api.put("/api/v1/message-templates/" + template.path("id").asString(), admin(), off).status())
                .isEqualTo(200);

        UUID event = UUID.randomUUID();
        assertThat(queue(Purpose.QUIZ_RESULT, event, someone(UUID.randomUUID(), "+919876543210"),
                Map.of("studentName", "Asha", "quizTitle", "Kinematics", "score", "8", "maxScore", "10",
                        "percent", "80"))).isEqualTo(2);
        Map<String, Object> skipped = row(event, Channel.WHATSAPP);
        assertThat(skipped.get("status")).isEqualTo("SKIPPED");
        assertThat(skipped.get("status_reason")).isEqualTo("no active WHATSAPP template for QUIZ_RESULT");
        sender.drainOnce();
        assertThat(row(event, Channel.WHATSAPP).get("status")).isEqualTo("SKIPPED");
        assertThat(row(event, Channel.SMS).get("status")).isEqualTo("SENT");
    }

    @Test
    void anOptedOutChannelIsSkippedButAMandatoryPurposeIgnoresOptOuts() {
        UUID asha = user("Asha Rao", "STUDENT", delhi, "STUDENT");
        String token = studentToken(asha, delhi);
        Response changed = api.put("/api/v1/message-preferences", token, Map.of("preferences",
                List.of(Map.of("purpose", "FEE_DUE", "channel", "SMS", "optedOut", true))));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().valueStream().filter(p -> p.path("optedOut").asBoolean())
                .map(p -> p.path("purpose").asString() + "/" + p.path("channel").asString()).toList())
                .containsExactly("FEE_DUE/SMS");

        UUID event = UUID.randomUUID();
        assertThat(queue(Purpose.FEE_DUE, event, someone(asha, "+919876543210"), FEE_DUE)).isEqualTo(2);
        assertThat(row(event, Channel.SMS).get("status")).isEqualTo("SKIPPED");
        assertThat(row(event, Channel.SMS).get("status_reason"))
                .isEqualTo("the recipient opted out of FEE_DUE on SMS");

        // Receipts are mandatory: no opting out, and an opt-out from before they became so is ignored.
        Response refused = api.put("/api/v1/message-preferences", token, Map.of("preferences",
                List.of(Map.of("purpose", "PAYMENT_RECEIPT", "channel", "SMS", "optedOut", true))));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("purpose")).isEqualTo("PAYMENT_RECEIPT");
        assertThat(refused.text("detail")).contains("PAYMENT_RECEIPT");
        jdbc.update("insert into message_opt_out (id, user_id, channel, purpose, created_at) values (?, ?, 'SMS',"
                + " 'PAYMENT_RECEIPT', now())", UUID.randomUUID(), asha);
        UUID receipt = UUID.randomUUID();
        queue(Purpose.PAYMENT_RECEIPT, receipt, someone(asha, "+919876543210"), Map.of("studentName", "Asha Rao",
                "amount", "100.00", "receiptNumber", "R-1", "pending", "0.00"), Channel.SMS);
        assertThat(row(receipt, Channel.SMS).get("status")).isEqualTo("QUEUED");

        // Opting back in.
        api.put("/api/v1/message-preferences", token, Map.of("preferences",
                List.of(Map.of("purpose", "FEE_DUE", "channel", "SMS", "optedOut", false))));
        // What is left is the mandatory purpose's opt-out, which does not count.
        assertThat(api.get("/api/v1/message-preferences", token).json().valueStream()
                .filter(p -> p.path("optedOut").asBoolean())
                .map(p -> p.path("purpose").asString() + "/" + p.path("mandatory").asBoolean()).toList())
                .containsExactly("PAYMENT_RECEIPT/true");
        assertThat(api.put("/api/v1/message-preferences", token, Map.of("preferences",
                List.of(Map.of("purpose", "FEE_DUE", "channel", "FAX", "optedOut", true)))).status()).isEqualTo(400);
        assertThat(api.put("/api/v1/message-preferences", token, Map.of()).errorFields()).containsExactly("preferences");
    }

    @Test
    void aGuardiansContactIsOptedOutByStaffAndMandatoryPurposesAreTheInstitutes() {
        Response contact = api.put("/api/v1/message-preferences/contacts", admin(), Map.of("address", "098765 43210",
                "channel", "SMS", "purpose", "ABSENCE_ALERT", "optedOut", true));
        assertThat(contact.status()).as(contact.toString()).isEqualTo(200);
        assertThat(contact.text("address")).isEqualTo("+919876543210");
        UUID event = UUID.randomUUID();
        queue(Purpose.ABSENCE_ALERT, event, Recipient.guardian("Meena Rao", "meena@example.in", "+919876543210"),
                Map.of("studentName", "Asha Rao", "batchName", "JEE 2027 A", "date", "2 Dec 2026"));
        assertThat(row(event, Channel.SMS).get("status")).isEqualTo("SKIPPED");
        assertThat(row(event, Channel.WHATSAPP).get("status")).isEqualTo("QUEUED");
        assertThat(api.put("/api/v1/message-preferences/contacts", admin(), Map.of("address", "not a phone",
                "channel", "SMS", "purpose", "ABSENCE_ALERT", "optedOut", true)).errorFields())
                .containsExactly("address");
        assertThat(api.put("/api/v1/message-preferences/contacts", studentToken(UUID.randomUUID(), delhi),
                Map.of("address", "+919876543210", "channel", "SMS", "purpose", "ABSENCE_ALERT", "optedOut", true))
                .status()).isEqualTo(403);

        assertThat(api.get("/api/v1/message-settings/mandatory-purposes", admin()).json().path("purposes").toString())
                .isEqualTo("[\"PAYMENT_RECEIPT\"]");
        Response set = api.put("/api/v1/message-settings/mandatory-purposes", admin(),
                Map.of("purposes", List.of("PAYMENT_RECEIPT", "ABSENCE_ALERT")));
        assertThat(set.status()).isEqualTo(200);
        UUID again = UUID.randomUUID();
        queue(Purpose.ABSENCE_ALERT, again, Recipient.guardian("Meena Rao", null, "+919876543210"),
                Map.of("studentName", "Asha Rao", "batchName", "JEE 2027 A", "date", "3 Dec 2026"), Channel.SMS);
        assertThat(row(again, Channel.SMS).get("status")).isEqualTo("QUEUED");
        assertThat(api.put("/api/v1/message-settings/mandatory-purposes", admin(),
                Map.of("purposes", List.of("SPAM"))).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/message-settings/mandatory-purposes", studentToken(UUID.randomUUID(), delhi))
                .status()).isEqualTo(403);
        api.put("/api/v1/message-settings/mandatory-purposes", admin(), Map.of("purposes", List.of("PAYMENT_RECEIPT")));
    }

    @Test
    void theLogIsReadWithReadMessagesWithinTheBranchAndEachUserReadsTheirOwn() {
        UUID asha = user("Asha Rao", "STUDENT", delhi, "STUDENT");
        UUID ravi = user("Ravi Pune", "STUDENT", pune, "STUDENT");
        UUID ashaEvent = UUID.randomUUID();
        UUID raviEvent = UUID.randomUUID();
        queue(Purpose.FEE_DUE, ashaEvent, someone(asha, "+919876543210"), FEE_DUE, Channel.SMS, Channel.EMAIL);
        queue(Purpose.FEE_DUE, raviEvent, someone(ravi, "+919811111111"), FEE_DUE, Channel.SMS);
        sender.drainOnce();

        Response mine = api.get("/api/v1/deliveries/mine", studentToken(asha, delhi));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().path("content").valueStream().map(d -> d.path("recipientUserId").asString()).distinct()
                .toList()).containsExactly(asha.toString());
        assertThat(mine.json().path("content").valueStream().map(d -> d.path("body").asString()).toList())
                .contains("Fee reminder: Rs. 1500.00 for Asha Rao (JEE Physics) is due on 10 Dec 2026. Please pay on time.");
        assertThat(mine.raw()).doesNotContain("variables");
        assertThat(api.get("/api/v1/deliveries", studentToken(asha, delhi)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/deliveries/mine", null).status()).isEqualTo(401);

        String delhiStaff = KEYS.staff("BACKOFFICE", delhi, "read:messages");
        List<String> seen = recipients(api.get("/api/v1/deliveries?size=100&purpose=FEE_DUE", delhiStaff));
        assertThat(seen).contains(asha.toString()).doesNotContain(ravi.toString());
        assertThat(recipients(api.get("/api/v1/deliveries?size=100&purpose=FEE_DUE", director)))
                .contains(asha.toString(), ravi.toString());
        assertThat(ids(api.get("/api/v1/deliveries?channel=EMAIL&recipientUserId=" + asha, director)))
                .containsExactly(row(ashaEvent, Channel.EMAIL).get("id").toString());
        assertThat(ids(api.get("/api/v1/deliveries?address=9811111&status=sent", director)))
                .containsExactly(row(raviEvent, Channel.SMS).get("id").toString());
        assertThat(ids(api.get("/api/v1/deliveries?purpose=QUIZ_RESULT", director))).isEmpty();
        assertThat(ids(api.get("/api/v1/deliveries?from=2026-12-02T10:00:00Z&to=2026-12-02T10:00:01Z&recipientUserId="
                + ravi, director))).hasSize(1);
        assertThat(ids(api.get("/api/v1/deliveries?from=2026-12-02T10:00:01Z&recipientUserId=" + ravi, director)))
                .isEmpty();

        assertThat(api.get("/api/v1/deliveries?status=LOST", director).errorFields()).containsExactly("status");
        assertThat(api.get("/api/v1/deliveries?channel=FAX", director).errorFields()).containsExactly("channel");
        assertThat(api.get("/api/v1/deliveries?from=yesterday", director).errorFields()).containsExactly("from");
        assertThat(api.get("/api/v1/deliveries?from=2026-12-03T00:00:00Z&to=2026-12-02T00:00:00Z", director)
                .errorFields()).containsExactly("to");
        assertThat(api.get("/api/v1/deliveries?sort=body", director).status()).isEqualTo(400);
    }

    private static List<String> recipients(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("content").valueStream().map(d -> d.path("recipientUserId").asString()).toList();
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("content").valueStream().map(d -> d.path("id").asString()).toList();
    }

    private Response with(String token, String id, Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        Response response = api.put("/api/v1/message-templates/" + id, token, changed);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response;
    }
}
