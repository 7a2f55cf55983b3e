package dev.coachos.finance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import dev.coachos.finance.online.RazorpayWebhooks;
import dev.coachos.testing.ApiClient.Response;

/**
 * Online payment against a Razorpay played by WireMock: a link for an installment (amount in paise,
 * our installment id as its reference), the signed webhook stored once and applied once however
 * often it comes, an unsigned or forged one refused with nothing stored, and the reconciler paying
 * a link whose webhook never came.
 */
// The tests apply stored events and reconcile themselves, at moments they choose.
@TestPropertySource(properties = {"coachos.razorpay.key-id=rzp_test_key", "coachos.razorpay.key-secret=rzp_test_secret",
        "coachos.razorpay.webhook-secret=whsec_test", "coachos.razorpay.apply-every=PT1H",
        "coachos.razorpay.reconcile-every=PT1H", "coachos.razorpay.reconcile-after=PT0S"})
class RazorpayIT extends FinanceTestBase {

    static final WireMockServer RAZORPAY = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        RAZORPAY.start();
    }

    @DynamicPropertySource
    static void razorpay(DynamicPropertyRegistry registry) {
        registry.add("coachos.razorpay.base-url", () -> "http://localhost:" + RAZORPAY.port());
    }

    @AfterAll
    static void stop() {
        RAZORPAY.stop();
    }

    @Autowired
    RazorpayWebhooks webhooks;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void reset() {
        RAZORPAY.resetAll();
    }

    private record Installment(UUID student, UUID branch, UUID plan, String id) {
    }

    private Installment installment(String series, String fee) {
        UUID branch = branch(series, "07", null);
        UUID student = student("Online Student " + series, "07");
        UUID plan = oneTimePlan(student, branch, fee);
        return new Installment(student, branch, plan, installments(backOffice(branch), plan).getFirst().path("id").asString());
    }

    private String link(Installment target, String linkId) {
        RAZORPAY.stubFor(post("/v1/payment_links").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id":"%s","short_url":"https://rzp.io/i/%s","status":"created","amount":0,"reference_id":"x"}"""
                        .formatted(linkId, linkId))));
        Response created = api.post("/api/v1/installments/" + target.id() + "/payment-link", studentToken(target.student()),
                Map.of());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("providerLinkId").asString();
    }

    @Test
    void aLinkAsksRazorpayForTheUnpaidAmountInPaiseWithOurInstallmentAsItsReference() {
        Installment target = installment("ONL", "12345.67");
        String link = link(target, "plink_A1");
        assertThat(link).isEqualTo("plink_A1");
        RAZORPAY.verify(postRequestedFor(urlEqualTo("/v1/payment_links"))
                .withHeader("Authorization", equalTo("Basic cnpwX3Rlc3Rfa2V5OnJ6cF90ZXN0X3NlY3JldA=="))
                .withRequestBody(equalToJson("""
                        {"amount":1234567,"currency":"INR","reference_id":"%s"}""".formatted(target.id()), true, true)));
        // Asked again for the same amount: the same link, no second call.
        Response again = api.post("/api/v1/installments/" + target.id() + "/payment-link", backOffice(target.branch()),
                Map.of());
        assertThat(again.json().path("providerLinkId").asString()).isEqualTo("plink_A1");
        assertThat(RAZORPAY.findAll(postRequestedFor(urlEqualTo("/v1/payment_links")))).hasSize(1);
        // Someone else's installment: not found.
        assertThat(api.post("/api/v1/installments/" + target.id() + "/payment-link", studentToken(UUID.randomUUID()),
                Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aProviderFailureIsABadGatewayProblemAndNoLinkIsKept() {
        Installment target = installment("ERR", "1000.00");
        RAZORPAY.stubFor(post("/v1/payment_links").willReturn(aResponse().withStatus(500)));
        Response failed = api.post("/api/v1/installments/" + target.id() + "/payment-link",
                studentToken(target.student()), Map.of());
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.json().path("type").asString()).endsWith("payment-provider");
        assertThat(count("select count(*) from payment_link where installment_id = ?::uuid", target.id())).isZero();
    }

    @Test
    void aSignedWebhookSentTwicePaysOnceAndAnUnsignedOneChangesNothing() throws Exception {
        Installment target = installment("WHK", "5000.00");
        String link = link(target, "plink_W1");
        String body = paidEvent(link, "pay_W1", 500000);

        HttpResponse<String> forged = webhook(body, sign(body, "not-the-secret"), "evt_forged");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(webhook(body, null, "evt_unsigned").statusCode()).isEqualTo(401);
        assertThat(count("select count(*) from webhook_event")).isZero();

        assertThat(webhook(body, sign(body, "whsec_test"), "evt_W1").statusCode()).isEqualTo(200);
        assertThat(webhook(body, sign(body, "whsec_test"), "evt_W1").statusCode()).isEqualTo(200);
        // The same payment told again under another event id (Razorpay sends payment.captured and
        // payment_link.paid, and retries): still one payment.
        assertThat(webhook(body, sign(body, "whsec_test"), "evt_W1_retry").statusCode()).isEqualTo(200);
        assertThat(count("select count(*) from webhook_event where event_id like 'evt_W1%'")).isEqualTo(2);
        assertThat(count("select deliveries from webhook_event where event_id = 'evt_W1'")).isEqualTo(2);
        assertThat(count("select count(*) from payment where plan_id = ?", target.plan())).isZero();

        webhooks.applyPending();
        assertThat(count("select count(*) from payment where plan_id = ? and method = 'ONLINE' and reference = 'pay_W1'",
                target.plan())).isEqualTo(1);
        assertThat(count("select count(*) from receipt r join payment p on p.id = r.payment_id where p.plan_id = ?",
                target.plan())).isEqualTo(1);
        assertThat(installments(backOffice(target.branch()), target.plan()).getFirst().path("status").asString())
                .isEqualTo("PAID");
        assertThat(count("select count(*) from webhook_event where applied_at is null")).isZero();

        // Applying again, or a late "expired" for the paid link, changes nothing: paid never goes back.
        String expired = """
                {"event":"payment_link.expired","payload":{"payment_link":{"entity":{"id":"%s","status":"expired"}}}}"""
                .formatted(link);
        webhook(expired, sign(expired, "whsec_test"), "evt_W1_expired");
        webhooks.applyPending();
        assertThat(count("select count(*) from payment where plan_id = ?", target.plan())).isEqualTo(1);
        Response links = api.get("/api/v1/installments/" + target.id() + "/payment-links", studentToken(target.student()));
        assertThat(links.json().get(0).path("status").asString()).isEqualTo("PAID");
        assertThat(outbox.payloads("PaymentReceived", target.student().toString())).singleElement()
                .satisfies(e -> assertThat(e.path("method").asString()).isEqualTo("ONLINE"));
    }

    @Test
    void aWebhookForALinkNotMadeHereIsKeptAndRetriedNotLost() throws Exception {
        String body = paidEvent("plink_unknown", "pay_U1", 1000);
        assertThat(webhook(body, sign(body, "whsec_test"), "evt_U1").statusCode()).isEqualTo(200);
        webhooks.applyPending();
        assertThat(count("select attempts from webhook_event where event_id = 'evt_U1'")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select last_error from webhook_event where event_id = 'evt_U1'", String.class))
                .contains("plink_unknown");
    }

    @Test
    void theReconcilerPaysALinkWhoseWebhookNeverCame() throws Exception {
        Installment target = installment("REC", "2500.00");
        String link = link(target, "plink_R1");
        RAZORPAY.stubFor(get("/v1/payment_links/" + link).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"%s","status":"paid","amount":250000,"reference_id":"%s",
                         "payments":[{"payment_id":"pay_R1","amount":250000,"method":"upi","status":"captured"}]}"""
                        .formatted(link, target.id()))));
        assertThat(webhooks.reconcile()).isEqualTo(1);
        assertThat(count("select count(*) from payment where reference = 'pay_R1'")).isEqualTo(1);
        // The webhook arriving late afterwards finds it paid.
        webhooks.reconcile();
        String body = paidEvent(link, "pay_R1", 250000);
        assertThat(webhook(body, sign(body, "whsec_test"), "evt_R1_late").statusCode()).isEqualTo(200);
        webhooks.applyPending();
        assertThat(count("select count(*) from payment where plan_id = ?", target.plan())).isEqualTo(1);
    }

    private static String paidEvent(String link, String payment, long paise) {
        return """
                {"entity":"event","event":"payment_link.paid","contains":["payment_link","payment"],"payload":{
                 "payment_link":{"entity":{"id":"%s","status":"paid","amount":%d,"amount_paid":%d}},
                 "payment":{"entity":{"id":"%s","amount":%d,"currency":"INR","status":"captured","method":"upi"}}},
                 "created_at":1764670000}""".formatted(link, paise, paise, payment, paise);
    }

    private HttpResponse<String> webhook(String body, String signature, String eventId) throws Exception {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json",
                "X-Razorpay-Event-Id", eventId));
        if (signature != null) {
            headers.put("X-Razorpay-Signature", signature);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/webhooks/razorpay"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sign(String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(body.getBytes(StandardCharsets.UTF_8))) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
