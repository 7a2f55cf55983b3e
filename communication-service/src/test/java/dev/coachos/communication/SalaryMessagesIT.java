package dev.coachos.communication;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.coachos.communication.MessageTemplates.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.coachos.communication.delivery.DeliverySender;
import dev.coachos.events.Topics;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.TestKafka;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * A teacher or staff member hears that their salary was paid: finance's SalaryPaid on the finance
 * topic becomes one notification in the app and one SALARY_PAID delivery per channel, rendered from
 * the shipped templates, however often the event arrives; a correction reads as an adjustment, a
 * replacement slip paid for the first time as the month's salary (older events without correction: by
 * whether they amend a slip); a channel the person turned off is not used; an approval tells nobody. The person's contacts come
 * from identity's UserRegistered. The sender is drained by the test, into a GreenMail SMTP server
 * in this JVM and MSG91 and WhatsApp's Cloud API played by WireMock, as the delivery tests do.
 */
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "coachos.events.partitions=1",
        "coachos.delivery.sweep-interval=PT1H",
        "coachos.delivery.sms.auth-key=msg91-test-key",
        "coachos.delivery.whatsapp.token=wa-test-token",
        "coachos.delivery.whatsapp.phone-number-id=1098765",
        "coachos.delivery.email.starttls=false",
        "coachos.delivery.email.from=office@institute.example",
        "logging.level.org.apache.kafka=warn"})
@EmbeddedKafka(partitions = 1, topics = {Topics.FINANCE, Topics.FINANCE + ".dlt", Topics.IDENTITY,
        Topics.IDENTITY + ".dlt"}, brokerProperties = "auto.create.topics.enable=false")
class SalaryMessagesIT extends QueryTestBase {

    private static final Duration LONG = Duration.ofMinutes(3);
    private static final String FLOW = "/api/v5/flow";
    private static final String WHATSAPP = "/v21.0/1098765/messages";
    private static final String SMS_DLT_ID = "1107100000000000777";

    static final WireMockServer PROVIDERS = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        PROVIDERS.start();
        MAIL.start();
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("coachos.delivery.sms.base-url", () -> "http://localhost:" + PROVIDERS.port());
        registry.add("coachos.delivery.whatsapp.base-url", () -> "http://localhost:" + PROVIDERS.port() + "/v21.0");
        registry.add("coachos.delivery.email.host", () -> "localhost");
        registry.add("coachos.delivery.email.port", () -> MAIL.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        PROVIDERS.stop();
        MAIL.stop();
    }

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    DeliverySender sender;

    @BeforeEach
    void providersAnswerAndNothingIsLeftWaiting() throws Exception {
        PROVIDERS.resetAll();
        PROVIDERS.stubFor(post(FLOW).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"success\",\"message\":\"req-salary\"}")));
        PROVIDERS.stubFor(post(WHATSAPP).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"messaging_product":"whatsapp","contacts":[{"input":"91","wa_id":"91"}],
                         "messages":[{"id":"wamid.%s"}]}""".formatted(UUID.randomUUID()))));
        MAIL.purgeEmailFromAllMailboxes();
        // The institute registered the shipped SMS text on DLT and put its id in; the text stays as shipped.
        jdbc.update("update message_template set provider_template_id = ? where purpose = 'SALARY_PAID'"
                + " and channel = 'SMS'", SMS_DLT_ID);
        jdbc.update("update delivery set status = 'CANCELLED', status_reason = 'left by an earlier test'"
                + " where status = 'QUEUED'");
    }

    @Test
    void aPaidSalaryIsToldOnceInTheAppAndOnEveryChannelHoweverOftenItArrivesAndItsApprovalTellsNobody()
            throws Exception {
        UUID lakshmi = registered("Lakshmi Iyer", "TEACHER", "TEACHER", "lakshmi@example.in", "+919810000011");
        UUID slip = UUID.randomUUID();
        finance(lakshmi, envelope("finance-service", "SalarySlipApproved", """
                {"slipId":"%s","personId":"%s","branchId":"%s","month":"2026-11","gross":"45000.00",
                 "deductions":"2650.00","net":"42350.00","amends":null,"approvedBy":"%s",
                 "approvedAt":"2026-11-29T10:00:00Z"}""".formatted(slip, lakshmi, UUID.randomUUID(), UUID.randomUUID())));
        String paid = paid(slip, lakshmi, "2026-11", "42350.00", "BANK_TRANSFER", "UTR2026113000042", null);
        finance(lakshmi, paid);
        finance(lakshmi, paid);
        finance(lakshmi, paid);
        settle();

        JsonNode note = onlyNotificationOf(lakshmi);
        assertThat(note.path("title").asString()).isEqualTo("Salary paid");
        assertThat(note.path("message").asString()).isEqualTo(
                "Your salary for November 2026 was paid: ₹42,350.00 by bank transfer, reference UTR2026113000042.");
        assertThat(note.path("type").asString()).isEqualTo("SUCCESS");
        assertThat(note.path("link").asString()).isEqualTo("/salary-slips/" + slip);

        List<Map<String, Object>> rows = deliveries(lakshmi);
        assertThat(rows).extracting(row -> row.get("channel") + " " + row.get("address") + " " + row.get("status"))
                .containsExactly("EMAIL lakshmi@example.in QUEUED", "SMS +919810000011 QUEUED",
                        "WHATSAPP +919810000011 QUEUED");
        assertThat(rows).allSatisfy(row -> assertThat(row.get("related_key")).isEqualTo("salary-slip:" + slip));
        assertThat(rows.get(1).get("body")).isEqualTo("Dear Lakshmi Iyer, your salary for November 2026 of "
                + "Rs. 42,350.00 was paid by bank transfer, ref UTR2026113000042.");

        sender.drainOnce();
        assertThat(deliveries(lakshmi)).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SENT"));
        MimeMessage[] mails = MAIL.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("lakshmi@example.in");
        assertThat(mails[0].getSubject()).isEqualTo("Your salary for November 2026 was paid");
        assertThat(GreenMailUtil.getBody(mails[0]).replaceAll("\\s+", " ")).contains("Dear Lakshmi Iyer, Your "
                + "salary for November 2026 was paid: Rs. 42,350.00 by bank transfer, reference UTR2026113000042.");
        PROVIDERS.verify(1, postRequestedFor(urlEqualTo(FLOW)).withRequestBody(containing(SMS_DLT_ID))
                .withRequestBody(containing("919810000011")).withRequestBody(containing("42,350.00")));
        PROVIDERS.verify(1, postRequestedFor(urlEqualTo(WHATSAPP)).withRequestBody(containing("salary_paid"))
                .withRequestBody(containing("UTR2026113000042")));
    }

    @Test
    void aPaidCorrectionOfASlipIsToldAsAnAdjustmentForItsMonth() {
        UUID ramesh = registered("Ramesh Gupta", "BACKOFFICE", "STAFF", "ramesh@example.in", "+919810000022");
        UUID correction = UUID.randomUUID();
        finance(ramesh, paid(correction, ramesh, "2026-11", "1200.00", "UPI", "612345678901", UUID.randomUUID(),
                true));
        settle();

        JsonNode note = onlyNotificationOf(ramesh);
        assertThat(note.path("title").asString()).isEqualTo("Salary adjustment paid");
        assertThat(note.path("message").asString()).isEqualTo("A correction to your salary was paid: an adjustment "
                + "of ₹1,200.00 for November 2026 by UPI, reference 612345678901.");
        assertThat(note.path("link").asString()).isEqualTo("/salary-slips/" + correction);
        List<Map<String, Object>> rows = deliveries(ramesh);
        assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("QUEUED"));
        assertThat(rows.get(0).get("subject")).isEqualTo("Your salary adjustment for November 2026 was paid");
        assertThat(rows.get(1).get("body")).isEqualTo("Dear Ramesh Gupta, your salary adjustment for November 2026 "
                + "of Rs. 1,200.00 was paid by UPI, ref 612345678901.");
    }

    /**
     * A slip that replaced an approved one before it was paid (amends set, correction false) is the
     * month's salary, paid once: told as such, not as an adjustment.
     */
    @Test
    void aReplacementSlipPaidInsteadOfTheOneItAmendsIsToldAsTheMonthsSalary() {
        UUID neha = registered("Neha Joshi", "TEACHER", "TEACHER", "neha@example.in", "+919810000055");
        UUID replacement = UUID.randomUUID();
        finance(neha, paid(replacement, neha, "2026-11", "39800.00", "BANK_TRANSFER", "UTR2026113000077",
                UUID.randomUUID(), false));
        settle();

        JsonNode note = onlyNotificationOf(neha);
        assertThat(note.path("title").asString()).isEqualTo("Salary paid");
        assertThat(note.path("message").asString()).isEqualTo(
                "Your salary for November 2026 was paid: ₹39,800.00 by bank transfer, reference UTR2026113000077.");
        List<Map<String, Object>> rows = deliveries(neha);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("subject")).isEqualTo("Your salary for November 2026 was paid");
        assertThat(rows.get(1).get("body")).isEqualTo("Dear Neha Joshi, your salary for November 2026 of "
                + "Rs. 39,800.00 was paid by bank transfer, ref UTR2026113000077.");
    }

    /**
     * A SalaryPaid published before correction was carried has no such field: one that amends a slip is
     * an adjustment, as before; one that amends nothing is the month's salary.
     */
    @Test
    void anOlderSalaryPaidWithoutCorrectionIsAnAdjustmentWhenItAmendsASlip() {
        UUID arjun = registered("Arjun Nair", "BACKOFFICE", "STAFF", "arjun@example.in", "+919810000066");
        UUID priya = registered("Priya Sen", "TEACHER", "TEACHER", "priya@example.in", "+919810000077");
        String amending = paid(UUID.randomUUID(), arjun, "2026-10", "750.00", "CASH", null, UUID.randomUUID(), null);
        assertThat(amending).doesNotContain("correction");
        finance(arjun, amending);
        finance(priya, paid(UUID.randomUUID(), priya, "2026-10", "21000.00", "CASH", null, null, null));
        settle();

        JsonNode note = onlyNotificationOf(arjun);
        assertThat(note.path("title").asString()).isEqualTo("Salary adjustment paid");
        assertThat(note.path("message").asString())
                .isEqualTo("A correction to your salary was paid: an adjustment of ₹750.00 for October 2026 in cash.");
        assertThat(deliveries(arjun).get(0).get("subject")).isEqualTo("Your salary adjustment for October 2026 was paid");
        assertThat(onlyNotificationOf(priya).path("title").asString()).isEqualTo("Salary paid");
    }

    @Test
    void aPersonWhoTurnedEmailOffGetsNoEmailButHearsInTheAppAndByPhone() {
        UUID farah = registered("Farah Khan", "TEACHER", "TEACHER", "farah@example.in", "+919810000033");
        Response off = api.put("/api/v1/message-preferences", KEYS.token().subject(farah).sign(), Map.of(
                "preferences", List.of(Map.of("purpose", "SALARY_PAID", "channel", "EMAIL", "optedOut", true))));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        UUID slip = UUID.randomUUID();
        finance(farah, paid(slip, farah, "2026-10", "18000", "CASH", null, null));
        settle();

        assertThat(onlyNotificationOf(farah).path("message").asString())
                .isEqualTo("Your salary for October 2026 was paid: ₹18,000.00 in cash.");
        List<Map<String, Object>> rows = deliveries(farah);
        assertThat(rows).extracting(row -> row.get("channel") + " " + row.get("status")).containsExactly(
                "EMAIL SKIPPED", "SMS QUEUED", "WHATSAPP QUEUED");
        assertThat(rows.get(0).get("status_reason")).isEqualTo("the recipient opted out of SALARY_PAID on EMAIL");
        assertThat(rows.get(1).get("body"))
                .isEqualTo("Dear Farah Khan, your salary for October 2026 of Rs. 18,000.00 was paid by cash, ref none.");

        sender.drainOnce();
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        PROVIDERS.verify(1, postRequestedFor(urlEqualTo(FLOW)).withRequestBody(containing("919810000033")));
        assertThat(deliveries(farah)).extracting(row -> row.get("channel") + " " + row.get("status"))
                .containsExactly("EMAIL SKIPPED", "SMS SENT", "WHATSAPP SENT");
    }

    @Test
    void aSalaryPaidThatCanNeverBeReadIsSetAsideAndTellsNobody() {
        UUID person = registered("Dev Malhotra", "TEACHER", "TEACHER", "dev@example.in", "+919810000044");
        finance(person, paid(UUID.randomUUID(), person, "November", "42350.00", "UPI", "1", null));
        settle();
        assertThat(TestKafka.valuesWithKey(broker.getBrokersAsString(), Topics.FINANCE + ".dlt", person.toString(), 1))
                .singleElement().asString().contains("\"month\":\"November\"");
        assertThat(deliveries(person)).isEmpty();
        assertThat(salaryNotificationsOf(person)).isEmpty();
    }

    /** As finance writes it now: a correction when it amends a slip (a month's pay otherwise). */
    private static String paid(UUID slip, UUID person, String month, String net, String method, String reference,
            UUID amends) {
        return paid(slip, person, month, net, method, reference, amends, amends != null);
    }

    /** A SalaryPaid as finance writes it; {@code correction} null: as written before it was carried (no field). */
    private static String paid(UUID slip, UUID person, String month, String net, String method, String reference,
            UUID amends, Boolean correction) {
        return envelope("finance-service", "SalaryPaid", """
                {"slipId":"%s","personId":"%s","branchId":null,"month":"%s","net":"%s","method":"%s",
                 "reference":%s,"amends":%s,"paidAt":"2026-11-30T06:30:00Z"%s}"""
                .formatted(slip, person, month, net, method, reference == null ? "null" : "\"" + reference + "\"",
                        amends == null ? "null" : "\"" + amends + "\"",
                        correction == null ? "" : ",\"correction\":" + correction));
    }

    /** A teacher or staff member as identity registers them, once the directory has them. */
    private UUID registered(String name, String role, String profileType, String email, String phone) {
        UUID user = UUID.randomUUID();
        TestKafka.send(broker.getBrokersAsString(), Topics.IDENTITY, user.toString(),
                envelope("identity-service", "UserRegistered", """
                        {"userId":"%s","email":"%s","name":"%s","role":"%s","branchId":"%s","profileType":"%s",
                         "phone":"%s"}""".formatted(user, email, name, role, UUID.randomUUID(), profileType, phone)));
        await().atMost(LONG).until(() -> count("select count(*) from recipient where user_id = ? and phone is not null",
                user) == 1);
        return user;
    }

    /**
     * Waits until finance's events sent so far are applied: a salary paid to someone the directory
     * does not know, sent after them on the (one) partition, has its (skipped) rows.
     */
    private void settle() {
        UUID probe = UUID.randomUUID();
        UUID slip = UUID.randomUUID();
        finance(probe, paid(slip, probe, "2026-11", "1.00", "CASH", null, null));
        await().atMost(LONG).until(() -> count("select count(*) from delivery where related_key = ?",
                "salary-slip:" + slip) == 3);
    }

    private List<Map<String, Object>> deliveries(UUID person) {
        return jdbc.queryForList("""
                select channel, address, status, status_reason, subject, body, related_key from delivery
                 where purpose = 'SALARY_PAID' and recipient_user_id = ? order by channel""", person);
    }

    /** The person's notifications but their welcome (identity's UserRegistered brings one). */
    private List<JsonNode> salaryNotificationsOf(UUID person) {
        Response mine = api.get("/api/v1/notifications?size=100", KEYS.token().subject(person).sign());
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        return mine.json().path("content").valueStream()
                .filter(note -> !note.path("title").asString().startsWith("Welcome")).toList();
    }

    private JsonNode onlyNotificationOf(UUID person) {
        List<JsonNode> mine = salaryNotificationsOf(person);
        assertThat(mine).hasSize(1);
        return mine.get(0);
    }

    private void finance(UUID person, String value) {
        TestKafka.send(broker.getBrokersAsString(), Topics.FINANCE, person.toString(), value);
    }
}
