package dev.coachos.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.TestTokens;

/** The gateway in front of a stand-in identity service: token checks, routing, header stripping, timeouts, CORS. */
class GatewayIT extends GatewayTestBase {

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("coachos.gateway.downstream-timeout", () -> "1s");
        registry.add("coachos.gateway.auth-limit", () -> "1000");
        registry.add("coachos.gateway.cors-allowed-origins", () -> "https://app.institute.test");
    }

    @Test
    void aValidTokenIsRoutedWithItsAuthorizationIntact() {
        String token = KEYS.token().sign();
        Response echoed = api.get("/api/v1/users/me", token);
        assertThat(echoed.status()).isEqualTo(200);
        assertThat(echoed.json().path("path").asString()).isEqualTo("/api/v1/users/me");
        assertThat(echoed.json().path("headers").path("authorization").asString()).isEqualTo("Bearer " + token);
    }

    @Test
    void badTokensAreRefusedBeforeRouting() {
        UUID user = UUID.randomUUID();
        List<String> refused = List.of(
                KEYS.token().subject(user).expiresAt(Instant.now().minusSeconds(120)).sign(),
                TestTokens.withNewKey().token().subject(user).sign(),
                KEYS.token().subject(user).issuer("elsewhere").sign(),
                KEYS.token().subject(user).audience("other-app").sign(),
                TestTokens.tamper(KEYS.token().subject(user).sign()),
                "not-a-token");
        for (String token : refused) {
            Response response = api.get("/api/v1/users/me", token);
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.text("type")).isEqualTo("urn:coachos:problem:unauthenticated");
        }
        assertThat(api.get("/api/v1/users/me", null).status()).isEqualTo(401);
    }

    @Test
    void publicAuthRoutesNeedNoToken() {
        Response login = api.post("/api/v1/auth/login", null, Map.of("email", "a@b.in", "password", "x"));
        assertThat(login.status()).isEqualTo(200);
        String stale = KEYS.token().expiresAt(Instant.now().minusSeconds(600)).sign();
        assertThat(api.post("/api/v1/auth/login", stale, Map.of("email", "a@b.in", "password", "x")).status())
                .as("a stale token sent along does not block a public route").isEqualTo(200);
        assertThat(login.text("accessToken")).isEqualTo("a");
    }

    @Test
    void theCatalogueIsReadWithoutATokenButNothingElseIs() {
        Response browse = api.get("/api/v1/courses?level=BEGINNER", null);
        assertThat(browse.status()).isEqualTo(200);
        assertThat(browse.json().path("path").asString()).isEqualTo("/api/v1/courses");
        assertThat(api.get("/api/v1/courses/jee-physics", null).status()).isEqualTo(200);
        // A token sent along is checked and passed on (staff see more of the catalogue).
        String token = KEYS.token().sign();
        assertThat(api.get("/api/v1/courses", token).json().path("headers").path("authorization").asString())
                .isEqualTo("Bearer " + token);
        assertThat(api.get("/api/v1/courses", TestTokens.tamper(token)).status()).isEqualTo(401);
        // Writes and deeper reads need a token.
        assertThat(api.post("/api/v1/courses", null, Map.of("title", "X")).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/courses/" + UUID.randomUUID() + "/curriculum", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/courses/" + UUID.randomUUID() + "/curriculum", token).status()).isEqualTo(200);
    }

    @Test
    void manyConcurrentRequestsAreAllServedAndNoneOpensABreaker() throws Exception {
        // Spring Cloud's default bulkhead let 25 calls through at a time and counted the rest as failures.
        String token = KEYS.token().sign();
        List<java.util.concurrent.Callable<Integer>> calls = java.util.stream.IntStream.range(0, 60)
                .<java.util.concurrent.Callable<Integer>>mapToObj(i -> () -> api.get("/api/v1/courses/pause", token).status())
                .toList();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(60)) {
            for (var result : pool.invokeAll(calls)) {
                assertThat(result.get()).isEqualTo(200);
            }
        }
        assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(200);
    }

    @Test
    void aReadThatMeetsAClosedConnectionIsSentOnceMoreButAWriteIsNot() {
        String token = KEYS.token().sign();
        for (int i = 0; i < 4; i++) {
            Response read = api.get("/api/v1/courses/flaky", token);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
        }
        List<Integer> writes = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            writes.add(api.post("/api/v1/courses/flaky", token, Map.of("x", i)).status());
        }
        assertThat(writes).contains(200).contains(503);
    }

    @Test
    void aCalendarFeedIsFetchedByItsSecretAddressWithoutAToken() {
        Response feed = api.get("/api/v1/calendar/feeds/s3cr3t.ics", null);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.json().path("path").asString()).isEqualTo("/api/v1/calendar/feeds/s3cr3t.ics");
        assertThat(api.get("/api/v1/calendar?from=2027-01-01&to=2027-01-07", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/calendar/feed", null, null).status()).isEqualTo(401);
    }

    @Test
    void razorpaysWebhookReachesFinanceWithoutATokenWithItsBodyAndSignatureUntouched() {
        // Odd spacing, a line break, escapes and a rupee sign: the signature is over these exact bytes.
        String payload = "{\"entity\":\"event\",  \"event\":\"payment_link.paid\",\n \"payload\":{\"payment\":"
                + "{\"entity\":{\"amount\":150000,\"notes\":{\"for\":\"Fees \u20b9 1,500 \\u0026 more\"}}}}}";
        Response delivered = api.send("POST", "/api/v1/webhooks/razorpay", null, payload, Map.of(
                "X-Razorpay-Signature", "5f1c0a9e6b2d", "X-Razorpay-Event-Id", "evt_Gateway001"));

        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        assertThat(delivered.json().path("path").asString()).isEqualTo("/api/v1/webhooks/razorpay");
        assertThat(delivered.json().path("body").asString()).isEqualTo(payload);
        assertThat(delivered.json().path("bytes").asInt())
                .isEqualTo(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(delivered.json().path("headers").path("x-razorpay-signature").asString()).isEqualTo("5f1c0a9e6b2d");
        assertThat(delivered.json().path("headers").path("x-razorpay-event-id").asString()).isEqualTo("evt_Gateway001");
        // A stale token sent along does not block it; the rest of finance still needs a valid one.
        String stale = KEYS.token().expiresAt(Instant.now().minusSeconds(600)).sign();
        assertThat(api.send("POST", "/api/v1/webhooks/razorpay", stale, payload, Map.of()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/fee-plans", null).status()).isEqualTo(401);
        Response plans = api.get("/api/v1/fee-plans?status=ACTIVE", KEYS.token().sign());
        assertThat(plans.status()).isEqualTo(200);
        assertThat(plans.json().path("path").asString()).isEqualTo("/api/v1/fee-plans");
    }

    @Test
    void payrollAndReportPathsReachFinanceWithATokenAndOnlyWithOne() {
        String token = KEYS.token().sign();
        UUID id = UUID.randomUUID();
        for (String path : List.of("/api/v1/salary-structures", "/api/v1/salary-structures/" + id,
                "/api/v1/payroll-runs", "/api/v1/payroll-runs/" + id + "/slips", "/api/v1/salary-slips",
                "/api/v1/salary-slips/" + id + "/pdf", "/api/v1/batch-pay", "/api/v1/batch-pay/" + id,
                "/api/v1/teacher-pay", "/api/v1/teacher-pay/" + id, "/api/v1/reports",
                "/api/v1/reports/payroll/2026-11")) {
            Response routed = api.get(path + "?month=2026-11", token);
            assertThat(routed.status()).as(path).isEqualTo(200);
            assertThat(routed.json().path("path").asString()).as(path).isEqualTo(path);
            assertThat(routed.json().path("headers").path("authorization").asString()).isEqualTo("Bearer " + token);
            Response anonymous = api.get(path, null);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.text("type")).isEqualTo("urn:coachos:problem:unauthenticated");
        }
        Response write = api.post("/api/v1/payroll-runs", token, Map.of("month", "2026-11"));
        assertThat(write.status()).as(write.toString()).isEqualTo(200);
        assertThat(write.json().path("method").asString()).isEqualTo("POST");
        // Only those prefixes: a look-alike path is routed nowhere.
        assertThat(api.get("/api/v1/salary-slipsx", token).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reportsx/payroll", token).status()).isEqualTo(404);
    }

    @Test
    void aWebsiteEnquiryIsPostedWithoutATokenWhileLeadsAndCampaignsNeedOne() {
        // The form's honeypot field travels untouched: marketing-service is the one that looks at it.
        String form = "{\"name\":\"Asha Rao\",\"phone\":\"98100 00001\",\"courseInterest\":\"JEE\",\"website\":\"\"}";
        Response enquiry = api.send("POST", "/api/v1/enquiries", null, form, Map.of("Content-Type", "application/json"));
        assertThat(enquiry.status()).as(enquiry.toString()).isEqualTo(200);
        assertThat(enquiry.json().path("path").asString()).isEqualTo("/api/v1/enquiries");
        assertThat(enquiry.json().path("method").asString()).isEqualTo("POST");
        assertThat(enquiry.json().path("body").asString()).isEqualTo(form);
        // A stale token sent along does not block it (a staff member's browser may still hold one).
        String stale = KEYS.token().expiresAt(Instant.now().minusSeconds(600)).sign();
        assertThat(api.send("POST", "/api/v1/enquiries", stale, form, Map.of("Content-Type", "application/json"))
                .status()).isEqualTo(200);

        // Only POST is public there; the pipeline and campaigns need a valid token.
        Response listing = api.get("/api/v1/enquiries", null);
        assertThat(listing.status()).isEqualTo(401);
        assertThat(listing.text("type")).isEqualTo("urn:coachos:problem:unauthenticated");
        Response leads = api.get("/api/v1/leads", null);
        assertThat(leads.status()).isEqualTo(401);
        assertThat(leads.text("type")).isEqualTo("urn:coachos:problem:unauthenticated");
        assertThat(api.post("/api/v1/leads", null, Map.of("name", "Asha Rao")).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/leads/" + UUID.randomUUID(), null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/campaigns", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/leads", stale, Map.of("name", "Asha Rao")).status()).isEqualTo(401);

        String token = KEYS.token().sign();
        UUID lead = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        for (String path : List.of("/api/v1/leads", "/api/v1/leads/" + lead + "/activities",
                "/api/v1/leads/follow-ups", "/api/v1/campaigns", "/api/v1/campaigns/" + campaign + "/report")) {
            Response routed = api.get(path + "?page=0", token);
            assertThat(routed.status()).as(path).isEqualTo(200);
            assertThat(routed.json().path("path").asString()).isEqualTo(path);
        }
        Response conversion = api.post("/api/v1/leads/" + lead + "/conversion", token, Map.of("batchId", UUID.randomUUID()));
        assertThat(conversion.status()).isEqualTo(200);
        assertThat(conversion.json().path("path").asString()).isEqualTo("/api/v1/leads/" + lead + "/conversion");
        assertThat(conversion.json().path("headers").path("authorization").asString()).isEqualTo("Bearer " + token);
    }

    @Test
    void identityHeadersFromClientsAreStripped() {
        Response echoed = api.send("GET", "/api/v1/users/me", KEYS.token().sign(), null, Map.of(
                "X-User-Id", UUID.randomUUID().toString(), "X-User-Roles", "DIRECTOR", "X-Auth-Subject", "x",
                "X-Forwarded-User", "root", "X-Branch-Id", UUID.randomUUID().toString(), "X-Request-Tag", "kept"));
        assertThat(echoed.status()).isEqualTo(200);
        assertThat(echoed.json().path("headers").propertyNames())
                .doesNotContain("x-user-id", "x-user-roles", "x-auth-subject", "x-forwarded-user", "x-branch-id")
                .contains("x-request-tag");
    }

    @Test
    void theServiceLearnsTheClientsAddressFromTheGatewayNotFromTheClient() {
        Response plain = api.get("/api/v1/users/me", KEYS.token().sign());
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.json().path("headers").path("x-forwarded-for").asString()).isEqualTo("127.0.0.1");

        Response claimed = api.send("GET", "/api/v1/users/me", KEYS.token().sign(), null,
                Map.of("X-Forwarded-For", "203.0.113.7, 198.51.100.2"));
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.json().path("headers").path("x-forwarded-for").asString())
                .as("no trusted proxy here: what the client wrote is dropped").isEqualTo("127.0.0.1");

        Response forged = api.send("GET", "/api/v1/users/me", KEYS.token().sign(), null,
                Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https", "X-Forwarded-Prefix", "/x"));
        assertThat(forged.status()).isEqualTo(200);
        assertThat(forged.json().path("headers").propertyNames())
                .doesNotContain("x-forwarded-host", "x-forwarded-proto", "x-forwarded-prefix");
    }

    @Test
    void aClientsTraceReachesTheService() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        Response echoed = api.send("GET", "/api/v1/users/me", KEYS.token().sign(), null,
                Map.of("traceparent", "00-" + trace + "-00f067aa0ba902b7-01"));
        assertThat(echoed.status()).isEqualTo(200);
        assertThat(echoed.json().path("headers").path("traceparent").asString()).startsWith("00-" + trace + "-");
    }

    @Test
    void aSlowServiceGivesA504ProblemWithinTheTimeout() {
        long started = System.nanoTime();
        Response response = api.get("/api/v1/users/slow", KEYS.token().sign());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.status()).isEqualTo(504);
        assertThat(response.text("type")).isEqualTo("urn:coachos:problem:gateway-timeout");
        // The stand-in answers after 30 s and the timeout is 1 s: a bound this wide holds on a loaded machine,
        // and still fails if the gateway waited for the service.
        assertThat(millis).as("answered long before the service did").isLessThan(20_000);
    }

    @Test
    void anUnknownKeyIdMakesTheGatewayFetchTheKeysAgain() {
        assertThat(api.get("/api/v1/users/me", KEYS.token().sign()).status()).isEqualTo(200);
        TestTokens rotated = TestTokens.withNewKey();
        IDENTITY.publish(() -> TestTokens.jwksOf(KEYS, rotated));
        assertThat(api.get("/api/v1/users/me", rotated.token().sign()).status()).isEqualTo(200);
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() {
        Response allowed = api.send("OPTIONS", "/api/v1/users", null, null, Map.of(
                "Origin", "https://app.institute.test", "Access-Control-Request-Method", "POST"));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.institute.test");
        Response other = api.send("OPTIONS", "/api/v1/users", null, null, Map.of(
                "Origin", "https://evil.test", "Access-Control-Request-Method", "POST"));
        assertThat(other.status()).isEqualTo(403);
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        Response response = api.get("/api/v1/nowhere", KEYS.token().sign());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("type")).isEqualTo("urn:coachos:problem:not-found");
    }
}
