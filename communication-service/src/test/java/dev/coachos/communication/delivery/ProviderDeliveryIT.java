package dev.coachos.communication.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.coachos.testing.ApiClient.Response;
import jakarta.mail.internet.MimeMessage;

/**
 * Deliveries through real providers' protocols: MSG91 and WhatsApp's Cloud API played by WireMock,
 * e-mail into a GreenMail SMTP server in this JVM. Retries with back-off, the attempts running out,
 * sends whose outcome is unknown never repeated, quiet hours, and the providers' status webhooks
 * applied forward only.
 */
@TestPropertySource(properties = {"coachos.delivery.sms.auth-key=msg91-test-key",
        "coachos.delivery.sms.webhook-token=sms-hook-token", "coachos.delivery.whatsapp.token=wa-test-token",
        "coachos.delivery.whatsapp.phone-number-id=1098765", "coachos.delivery.whatsapp.verify-token=wa-verify",
        "coachos.delivery.whatsapp.app-secret=wa-app-secret", "coachos.delivery.email.starttls=false",
        "coachos.delivery.email.from=office@institute.example", "coachos.delivery.read-timeout=PT2S"})
class ProviderDeliveryIT extends DeliveryTestBase {

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

    private static final String FLOW = "/api/v5/flow";
    private static final String WHATSAPP = "/v21.0/1098765/messages";

    @BeforeEach
    void providersAnswerAfresh() throws Exception {
        PROVIDERS.resetAll();
        MAIL.purgeEmailFromAllMailboxes();
        // The institute registered the SMS text on DLT and put its id in.
        jdbc.update("update message_template set provider_template_id = '1107100000000000' || purpose"
                + " where channel = 'SMS'");
    }

    private void smsAnswers(int status, String body) {
        PROVIDERS.stubFor(post(FLOW).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private void whatsappAnswers(String wamid) {
        PROVIDERS.stubFor(post(WHATSAPP).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"messaging_product":"whatsapp","contacts":[{"input":"919876543210","wa_id":"919876543210"}],
                         "messages":[{"id":"%s"}]}""".formatted(wamid))));
    }

    @Test
    void anSmsProviderThatFailsTwiceThenTakesTheMessageMakesItSentAfterThreeAttemptsWithBackOff() {
        PROVIDERS.stubFor(post(FLOW).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("{\"type\":\"error\",\"message\":\"busy\"}"))
                .willSetStateTo("second"));
        PROVIDERS.stubFor(post(FLOW).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("third"));
        PROVIDERS.stubFor(post(FLOW).inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"success\",\"message\":\"3667686a6c56353431313237\"}")));
        UUID event = UUID.randomUUID();
        assertThat(queue(Purpose.FEE_DUE, event, someone(UUID.randomUUID(), "+919876543210"), FEE_DUE, Channel.SMS))
                .isEqualTo(1);

        assertThat(sender.drainOnce()).isEqualTo(1);
        Map<String, Object> first = row(event, Channel.SMS);
        assertThat(first.get("status")).isEqualTo("QUEUED");
        assertThat(first.get("attempts")).isEqualTo(1);
        assertThat((String) first.get("last_error")).contains("HTTP 500").contains("busy");
        assertThat(((java.sql.Timestamp) first.get("next_attempt_at")).toInstant()).isEqualTo(START.plusSeconds(60));
        // Not before its back-off has passed.
        assertThat(sender.drainOnce()).isZero();
        clock.advance(Duration.ofSeconds(60));
        assertThat(sender.drainOnce()).isEqualTo(1);
        Map<String, Object> second = row(event, Channel.SMS);
        assertThat(second.get("attempts")).isEqualTo(2);
        assertThat(((java.sql.Timestamp) second.get("next_attempt_at")).toInstant())
                .isEqualTo(START.plusSeconds(60 + 120));
        clock.advance(Duration.ofSeconds(119));
        assertThat(sender.drainOnce()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sender.drainOnce()).isEqualTo(1);

        Map<String, Object> sent = row(event, Channel.SMS);
        assertThat(sent.get("status")).isEqualTo("SENT");
        assertThat(sent.get("attempts")).isEqualTo(3);
        assertThat(sent.get("provider")).isEqualTo("msg91");
        assertThat(sent.get("provider_id")).isEqualTo("3667686a6c56353431313237");
        assertThat(sent.get("last_error")).isNull();
        assertThat(sent.get("body")).isEqualTo(
                "Fee reminder: Rs. 1500.00 for Asha Rao (JEE Physics) is due on 10 Dec 2026. Please pay on time.");
        PROVIDERS.verify(3, postRequestedFor(urlEqualTo(FLOW)).withHeader("authkey", equalTo("msg91-test-key"))
                .withRequestBody(equalToJson("""
                        {"template_id":"1107100000000000FEE_DUE","short_url":"0",
                         "recipients":[{"mobiles":"919876543210","studentName":"Asha Rao","courseTitle":"JEE Physics",
                                        "amount":"1500.00","dueDate":"10 Dec 2026"}]}""")));
        // Nothing more to send, however often the sender comes by.
        clock.advance(Duration.ofHours(1));
        assertThat(sender.drainOnce()).isZero();
        PROVIDERS.verify(3, postRequestedFor(urlEqualTo(FLOW)));
    }

    @Test
    void aProviderRefusingEveryTimeLeavesTheDeliveryFailedAfterTheLastAttemptWithoutItsKeyInTheError() {
        PROVIDERS.stubFor(post(WHATSAPP).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"(#132001) Template name does not exist in the translation\","
                        + "\"code\":132001}}")));
        UUID event = UUID.randomUUID();
        queue(Purpose.FEE_DUE, event, someone(UUID.randomUUID(), "+919876543210"), FEE_DUE, Channel.WHATSAPP);

        assertThat(sender.drainOnce()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(sender.drainOnce()).isEqualTo(1);
        assertThat(row(event, Channel.WHATSAPP).get("status")).isEqualTo("QUEUED");
        clock.advance(Duration.ofMinutes(2));
        assertThat(sender.drainOnce()).isEqualTo(1);

        Map<String, Object> failed = row(event, Channel.WHATSAPP);
        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat(failed.get("attempts")).isEqualTo(3);
        assertThat(failed.get("failed_at")).isNotNull();
        assertThat((String) failed.get("last_error")).contains("HTTP 400").contains("Template name does not exist")
                .doesNotContain("wa-test-token");
        clock.advance(Duration.ofHours(1));
        assertThat(sender.drainOnce()).isZero();
        PROVIDERS.verify(3, postRequestedFor(urlEqualTo(WHATSAPP))
                .withHeader("Authorization", equalTo("Bearer wa-test-token"))
                .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","to":"919876543210","type":"template",
                         "template":{"name":"fee_due","language":{"code":"en"},
                                     "components":[{"type":"body","parameters":[
                                        {"type":"text","text":"Asha Rao"},{"type":"text","text":"JEE Physics"},
                                        {"type":"text","text":"1500.00"},{"type":"text","text":"10 Dec 2026"}]}]},
                         "biz_opaque_callback_data":"%s"}""".formatted(failed.get("id")), false, true)));
    }

    @Test
    void aSendingRowWhoseLeaseExpiredIsNeverSentAgainAndAProviderTimeoutIsNotRetried() {
        whatsappAnswers("wamid.crash");
        UUID crashed = UUID.randomUUID();
        queue(Purpose.FEE_DUE, crashed, someone(UUID.randomUUID(), "+919876543210"), FEE_DUE, Channel.WHATSAPP);
        // A sender claimed it and died after the provider's answer, before recording it.
        jdbc.update("update delivery set status = 'SENDING', attempts = 1, lease_until = ? where source_event_id = ?",
                java.sql.Timestamp.from(START.minusSeconds(1)), crashed);

        assertThat(sender.drainOnce()).isZero();
        Map<String, Object> unknown = row(crashed, Channel.WHATSAPP);
        assertThat(unknown.get("status")).isEqualTo("FAILED");
        assertThat((String) unknown.get("last_error")).startsWith("outcome unknown");
        clock.advance(Duration.ofHours(2));
        assertThat(sender.drainOnce()).isZero();
        PROVIDERS.verify(0, postRequestedFor(urlEqualTo(WHATSAPP)));

        // A provider that takes the request and does not answer in time: perhaps sent, so never again.
        PROVIDERS.stubFor(post(FLOW).willReturn(aResponse().withStatus(200).withFixedDelay(4000)
                .withBody("{\"type\":\"success\",\"message\":\"late\"}")));
        UUID slow = UUID.randomUUID();
        queue(Purpose.FEE_DUE, slow, someone(UUID.randomUUID(), "+919812345678"), FEE_DUE, Channel.SMS);
        assertThat(sender.drainOnce()).isEqualTo(1);
        Map<String, Object> timedOut = row(slow, Channel.SMS);
        assertThat(timedOut.get("status")).isEqualTo("FAILED");
        assertThat((String) timedOut.get("last_error")).startsWith("outcome unknown");
        clock.advance(Duration.ofHours(2));
        assertThat(sender.drainOnce()).isZero();
        PROVIDERS.verify(1, postRequestedFor(urlEqualTo(FLOW)));

        // WhatsApp later says the crashed one was delivered after all: that is recorded.
        Response report = whatsappStatus(statuses(report("wamid.crash", "delivered", unknown.get("id").toString())), "wa-app-secret");
        assertThat(report.status()).isEqualTo(200);
        assertThat(row(crashed, Channel.WHATSAPP).get("status")).isEqualTo("DELIVERED");
    }

    @Test
    void providerStatusesMoveForwardOnlyThroughTheSignedWebhook() {
        whatsappAnswers("wamid.HBgM111");
        UUID event = UUID.randomUUID();
        queue(Purpose.FEE_DUE, event, someone(UUID.randomUUID(), "+919876543210"), FEE_DUE, Channel.WHATSAPP);
        assertThat(sender.drainOnce()).isEqualTo(1);
        Map<String, Object> sent = row(event, Channel.WHATSAPP);
        assertThat(sent.get("status")).isEqualTo("SENT");
        assertThat(sent.get("provider_id")).isEqualTo("wamid.HBgM111");

        // A forged report changes nothing.
        String failed = statuses(report("wamid.HBgM111", "failed", null));
        assertThat(whatsappStatus(failed, "not-the-secret").status()).isEqualTo(401);
        assertThat(api.send("POST", "/api/v1/webhooks/whatsapp", null, failed, Map.of()).status()).isEqualTo(401);
        assertThat(row(event, Channel.WHATSAPP).get("status")).isEqualTo("SENT");

        // Delivered, the same again, then a late "sent" and a "read": DELIVERED throughout.
        String delivered = statuses(report("wamid.HBgM111", "delivered", null));
        assertThat(whatsappStatus(delivered, "wa-app-secret").json().path("moved").asInt()).isEqualTo(1);
        Object deliveredAt = row(event, Channel.WHATSAPP).get("delivered_at");
        assertThat(whatsappStatus(delivered, "wa-app-secret").json().path("moved").asInt()).isZero();
        assertThat(whatsappStatus(statuses(report("wamid.HBgM111", "sent", null)), "wa-app-secret").status())
                .isEqualTo(200);
        assertThat(whatsappStatus(statuses(report("wamid.HBgM111", "read", null)), "wa-app-secret").status())
                .isEqualTo(200);
        assertThat(whatsappStatus(failed, "wa-app-secret").status()).isEqualTo(200);
        Map<String, Object> after = row(event, Channel.WHATSAPP);
        assertThat(after.get("status")).isEqualTo("DELIVERED");
        assertThat(after.get("delivered_at")).isEqualTo(deliveredAt);

        // A provider's failure after SENT is recorded with its reason.
        whatsappAnswers("wamid.HBgM222");
        UUID other = UUID.randomUUID();
        queue(Purpose.FEE_DUE, other, someone(UUID.randomUUID(), "+919876543211"), FEE_DUE, Channel.WHATSAPP);
        sender.drainOnce();
        assertThat(whatsappStatus(statuses("""
                {"id":"wamid.HBgM222","status":"failed","timestamp":"1764669600","recipient_id":"919876543211",
                 "errors":[{"code":131026,"title":"Message undeliverable"}]}"""), "wa-app-secret").status())
                .isEqualTo(200);
        Map<String, Object> undeliverable = row(other, Channel.WHATSAPP);
        assertThat(undeliverable.get("status")).isEqualTo("FAILED");
        assertThat((String) undeliverable.get("last_error")).contains("131026 Message undeliverable");
        assertThat(whatsappStatus(statuses(report("wamid.HBgM222", "sent", null)), "wa-app-secret").status())
                .isEqualTo(200);
        assertThat(row(other, Channel.WHATSAPP).get("status")).isEqualTo("FAILED");
        // Once verified, the answer is 200 even for what cannot be read (WhatsApp would only send it again).
        Response unreadable = whatsappStatus("{not json", "wa-app-secret");
        assertThat(unreadable.status()).isEqualTo(200);
        assertThat(unreadable.json().path("moved").asInt()).isZero();
    }

    @Test
    void anSmsTemplateStillCarryingTheShippedPlaceholderIdIsNeverSentToTheProvider() {
        jdbc.update("update message_template set provider_template_id = 'REPLACE_WITH_DLT_ID_FEE_OVERDUE'"
                + " where channel = 'SMS' and purpose = 'FEE_OVERDUE'");
        smsAnswers(200, "{\"type\":\"success\",\"message\":\"never\"}");
        UUID event = UUID.randomUUID();
        queue(Purpose.FEE_OVERDUE, event, someone(UUID.randomUUID(), "+919876543210"), Map.of("studentName", "Asha Rao",
                "courseTitle", "JEE Physics", "pending", "1500.00", "dueDate", "1 Dec 2026", "daysOverdue", "7",
                "level", "2"), Channel.SMS);
        assertThat(sender.drainOnce()).isEqualTo(1);
        Map<String, Object> waiting = row(event, Channel.SMS);
        assertThat(waiting.get("status")).isEqualTo("QUEUED");
        assertThat((String) waiting.get("last_error")).contains("placeholder");
        PROVIDERS.verify(0, postRequestedFor(urlEqualTo(FLOW)));
    }

    @Test
    void whatsappsHandshakeAnswersTheChallengeOnlyForOurVerifyToken() {
        Response good = api.get("/api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wa-verify"
                + "&hub.challenge=1158201444", null);
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.raw()).isEqualTo("1158201444");
        assertThat(api.get("/api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess"
                + "&hub.challenge=1158201444", null).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/webhooks/whatsapp", null).status()).isEqualTo(403);
    }

    @Test
    void smsDeliveryReportsNeedTheTokenAndMoveForwardOnly() {
        smsAnswers(200, "{\"type\":\"success\",\"message\":\"req-dlr-1\"}");
        UUID event = UUID.randomUUID();
        queue(Purpose.FEE_DUE, event, someone(UUID.randomUUID(), "+919876543210"), FEE_DUE, Channel.SMS);
        sender.drainOnce();
        String report = """
                {"data":[{"requestId":"req-dlr-1","userId":"12345","senderId":"COACHS",
                          "report":[{"date":"2026-12-02 15:31:02","number":"919876543210","status":"1",
                                     "desc":"DELIVERED"}]}]}""";
        assertThat(api.send("POST", "/api/v1/webhooks/sms?token=wrong", null, report, Map.of()).status())
                .isEqualTo(401);
        assertThat(api.send("POST", "/api/v1/webhooks/sms", null, report, Map.of()).status()).isEqualTo(401);
        assertThat(row(event, Channel.SMS).get("status")).isEqualTo("SENT");

        Response applied = api.send("POST", "/api/v1/webhooks/sms?token=sms-hook-token", null, report, Map.of());
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(row(event, Channel.SMS).get("status")).isEqualTo("DELIVERED");
        // A late failure report, and the same report as a form field: still DELIVERED.
        assertThat(api.send("POST", "/api/v1/webhooks/sms?token=sms-hook-token", null,
                "{\"requestId\":\"req-dlr-1\",\"status\":\"FAILED\"}", Map.of()).status()).isEqualTo(200);
        assertThat(api.send("POST", "/api/v1/webhooks/sms?token=sms-hook-token", null,
                "data=" + java.net.URLEncoder.encode(report, StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded")).status()).isEqualTo(200);
        assertThat(row(event, Channel.SMS).get("status")).isEqualTo("DELIVERED");
        assertThat(api.send("POST", "/api/v1/webhooks/sms?token=sms-hook-token", null, "{not json", Map.of())
                .status()).isEqualTo(400);
    }

    @Test
    void smsAndWhatsAppWrittenAtNightWaitForNineInTheMorningWhileEmailGoesAtOnce() throws Exception {
        smsAnswers(200, "{\"type\":\"success\",\"message\":\"req-night\"}");
        clock.set(Instant.parse("2026-12-02T16:30:00Z")); // 22:00 in India
        UUID event = UUID.randomUUID();
        queue(Purpose.FEE_DUE, event, someone(UUID.randomUUID(), "+919876543210"), FEE_DUE, Channel.SMS,
                Channel.EMAIL);

        assertThat(sender.drainOnce()).isEqualTo(1); // the e-mail
        assertThat(row(event, Channel.EMAIL).get("status")).isEqualTo("SENT");
        assertThat(row(event, Channel.SMS).get("status")).isEqualTo("QUEUED");
        clock.set(Instant.parse("2026-12-03T03:29:59Z")); // 08:59:59
        assertThat(sender.drainOnce()).isZero();
        PROVIDERS.verify(0, postRequestedFor(urlEqualTo(FLOW)));
        clock.set(Instant.parse("2026-12-03T03:30:00Z")); // 09:00
        assertThat(sender.drainOnce()).isEqualTo(1);
        assertThat(row(event, Channel.SMS).get("status")).isEqualTo("SENT");
        PROVIDERS.verify(1, postRequestedFor(urlEqualTo(FLOW)));
    }

    @Test
    void anEmailReallyArrivesWithItsSubjectAndRenderedBody() throws Exception {
        UUID event = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        Recipient recipient = someone(user, null);
        queue(Purpose.PAYMENT_RECEIPT, event, recipient, Map.of("studentName", "Asha Rao", "amount", "2500.00",
                "receiptNumber", "DEL-2026-00042", "pending", "0.00"));
        // No phone: SMS and WhatsApp are SKIPPED and say why.
        assertThat(row(event, Channel.SMS).get("status")).isEqualTo("SKIPPED");
        assertThat(row(event, Channel.SMS).get("status_reason")).isEqualTo("no phone number");

        assertThat(sender.drainOnce()).isEqualTo(1);
        assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Payment received: receipt DEL-2026-00042");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(recipient.email());
        assertThat(mail.getFrom()[0].toString()).isEqualTo("office@institute.example");
        assertThat(GreenMailUtil.getBody(mail)).contains("We received Rs. 2500.00 for Asha Rao. Receipt number: "
                + "DEL-2026-00042. Balance pending: Rs. 0.00.");
        Map<String, Object> sent = row(event, Channel.EMAIL);
        assertThat(sent.get("status")).isEqualTo("SENT");
        assertThat(sent.get("provider")).isEqualTo("smtp");
        assertThat(mail.getMessageID()).isEqualTo(sent.get("provider_id"));
        PROVIDERS.verify(0, postRequestedFor(urlEqualTo(FLOW)));
    }

    private Response whatsappStatus(String body, String secret) {
        return api.send("POST", "/api/v1/webhooks/whatsapp", null, body,
                Map.of("X-Hub-Signature-256", "sha256=" + hmac(body, secret)));
    }

    private static String statuses(String... statuses) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",
                 "phone_number_id":"1098765"},"statuses":[%s]}}]}]}""".formatted(String.join(",", statuses));
    }

    private static String report(String wamid, String status, String ours) {
        return """
                {"id":"%s","status":"%s","timestamp":"1764669600","recipient_id":"919876543210"%s}"""
                .formatted(wamid, status, ours == null ? "" : ",\"biz_opaque_callback_data\":\"" + ours + "\"");
    }

    private static String hmac(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
