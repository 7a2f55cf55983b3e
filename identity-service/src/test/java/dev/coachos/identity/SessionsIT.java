package dev.coachos.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.OutboxReader;
import dev.coachos.testing.ApiClient.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Login, lockout, refresh rotation, logout and password reset, with the mail gateway played by WireMock. */
@ExtendWith(OutputCaptureExtension.class)
class SessionsIT extends IdentityTestBase {

    @Autowired
    JdbcTemplate jdbc;

    static final WireMockServer MAIL_GATEWAY = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        MAIL_GATEWAY.start();
    }

    private String director;
    private UUID branch;

    @DynamicPropertySource
    static void mailGateway(DynamicPropertyRegistry registry) {
        registry.add("coachos.identity.reset-delivery-url", () -> MAIL_GATEWAY.baseUrl() + "/deliveries");
        registry.add("coachos.identity.max-failed-logins", () -> "3");
    }

    @AfterAll
    static void stopMailGateway() {
        MAIL_GATEWAY.stop();
    }

    @BeforeEach
    void setUp() {
        MAIL_GATEWAY.resetAll();
        MAIL_GATEWAY.stubFor(post(urlEqualTo("/deliveries")).willReturn(aResponse().withStatus(202)));
        director = director();
        branch = createBranch(director, "B-" + UUID.randomUUID().toString().substring(0, 6));
    }

    @Test
    void loginReturnsAShortLivedSignedTokenAndAnOpaqueRefreshToken() {
        String email = unique("s");
        UUID id = createUser(director, email, "STUDENT", branch, "student-pass-1");
        Response login = api.post("/api/v1/auth/login", null, Map.of("email", email, "password", "student-pass-1"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("tokenType")).isEqualTo("Bearer");
        assertThat(login.json().path("expiresIn").asLong()).isBetween(60L, 3600L);
        JsonNode header = decode(login.text("accessToken"), 0);
        JsonNode claims = decode(login.text("accessToken"), 1);
        assertThat(header.path("alg").asString()).isEqualTo("RS256");
        assertThat(header.path("kid").asString()).isEqualTo(SIGNING.keyId());
        assertThat(claims.path("sub").asString()).isEqualTo(id.toString());
        assertThat(claims.path("iss").asString()).isEqualTo("coachos-identity");
        assertThat(claims.path("roles").get(0).asString()).isEqualTo("STUDENT");
        assertThat(claims.path("branch_id").asString()).isEqualTo(branch.toString());
        assertThat(claims.path("student_profile_id").asString()).isNotBlank();
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isLessThanOrEqualTo(900);
        assertThat(login.text("refreshToken")).doesNotContain(".");
    }

    @Test
    void aFailedLoginDoesNotSayWhetherTheAccountExists() {
        String email = unique("s");
        createUser(director, email, "STUDENT", branch, "student-pass-1");
        Response wrongPassword = api.post("/api/v1/auth/login", null, Map.of("email", email, "password", "wrong-pass-1"));
        Response noAccount = api.post("/api/v1/auth/login", null, Map.of("email", unique("nobody"),
                "password", "wrong-pass-1"));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(noAccount.status()).isEqualTo(401);
        assertThat(wrongPassword.raw().replace(wrongPassword.text("instance"), ""))
                .isEqualTo(noAccount.raw().replace(noAccount.text("instance"), ""));
    }

    @Test
    void repeatedFailuresLockTheAccountEvenAgainstTheRightPassword() {
        String email = unique("s");
        createUser(director, email, "STUDENT", branch, "student-pass-1");
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/auth/login", null, Map.of("email", email, "password", "guess-" + i + "-xx"))
                    .status()).isEqualTo(401);
        }
        Response locked = api.post("/api/v1/auth/login", null, Map.of("email", email, "password", "student-pass-1"));
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.text("detail")).isEqualTo("Invalid e-mail or password");
    }

    @Test
    void oneUserLoggingInFromManyDevicesAtOnceAlwaysSucceeds() throws Exception {
        String email = unique("s");
        createUser(director, email, "STUDENT", branch, "student-pass-1");
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<Integer>> logins = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                logins.add(pool.submit(() -> api.post("/api/v1/auth/login", null,
                        Map.of("email", email, "password", "student-pass-1")).status()));
            }
            for (var login : logins) {
                assertThat(login.get()).isEqualTo(200);
            }
        }
    }

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheWholeSession() {
        String email = unique("s");
        createUser(director, email, "STUDENT", branch, "student-pass-1");
        Tokens first = api.login(email, "student-pass-1");

        Response rotated = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", first.refresh()));
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.text("refreshToken");
        assertThat(second).isNotEqualTo(first.refresh());
        assertThat(api.get("/api/v1/users/me", rotated.text("accessToken")).status()).isEqualTo(200);

        Response reuse = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", first.refresh()));
        assertThat(reuse.status()).isEqualTo(401);
        Response afterTheft = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", second));
        assertThat(afterTheft.status()).as("the family is revoked").isEqualTo(401);

        Tokens otherSession = api.login(email, "student-pass-1");
        assertThat(api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", otherSession.refresh())).status())
                .as("other sessions live on").isEqualTo(200);
    }

    @Test
    void aStaleAccessTokenDoesNotStandInTheWayOfARefresh() {
        String email = unique("s");
        UUID id = createUser(director, email, "STUDENT", branch, "student-pass-1");
        Tokens tokens = api.login(email, "student-pass-1");
        String expired = SIGNING.token().subject(id).expiresAt(java.time.Instant.now().minusSeconds(600)).sign();
        assertThat(api.post("/api/v1/auth/refresh", expired, Map.of("refreshToken", tokens.refresh())).status())
                .isEqualTo(200);
    }

    @Test
    void aLockedAccountKeepsItsOpenSessions() {
        String email = unique("s");
        createUser(director, email, "STUDENT", branch, "student-pass-1");
        Tokens tokens = api.login(email, "student-pass-1");
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/auth/login", null, Map.of("email", email, "password", "guess-" + i + "-xx"));
        }
        assertThat(api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", tokens.refresh())).status())
                .as("a guesser must not be able to log the owner out").isEqualTo(200);
    }

    @Test
    void logoutEndsTheSession() {
        String email = unique("s");
        createUser(director, email, "STUDENT", branch, "student-pass-1");
        Tokens tokens = api.login(email, "student-pass-1");
        assertThat(api.post("/api/v1/auth/logout", null, Map.of("refreshToken", tokens.refresh())).status())
                .isEqualTo(204);
        assertThat(api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", tokens.refresh())).status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", "nonsense")).status()).isEqualTo(401);
    }

    @Test
    void aNewRoleShowsInTheNextRefreshedToken() {
        String email = unique("s");
        UUID id = createUser(director, email, "STUDENT", branch, "student-pass-1");
        Tokens tokens = api.login(email, "student-pass-1");
        assertThat(api.get("/api/v1/users", tokens.access()).status()).isEqualTo(403);

        assertThat(api.put("/api/v1/users/" + id + "/role", director, Map.of("roleName", "BACKOFFICE")).status())
                .isEqualTo(200);
        Response refreshed = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", tokens.refresh()));
        JsonNode claims = decode(refreshed.text("accessToken"), 1);
        assertThat(claims.path("roles").get(0).asString()).isEqualTo("BACKOFFICE");
        assertThat(claims.path("staff_profile_id").asString()).isNotBlank();
        assertThat(api.get("/api/v1/users", refreshed.text("accessToken")).status()).isEqualTo(200);
    }

    @Test
    void passwordResetIsAlwaysAcceptedAndItsLinkWorksOnce() {
        String email = unique("s");
        createUser(director, email, "STUDENT", branch, "student-pass-1");
        Tokens before = api.login(email, "student-pass-1");

        assertThat(api.post("/api/v1/auth/password-reset", null, Map.of("email", unique("nobody"))).status())
                .isEqualTo(202);
        assertThat(MAIL_GATEWAY.findAll(postRequestedFor(urlEqualTo("/deliveries")))).isEmpty();

        assertThat(api.post("/api/v1/auth/password-reset", null, Map.of("email", email)).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> !MAIL_GATEWAY.findAll(
                postRequestedFor(urlEqualTo("/deliveries"))).isEmpty());
        List<LoggedRequest> deliveries = MAIL_GATEWAY.findAll(postRequestedFor(urlEqualTo("/deliveries"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(email)))
                .withRequestBody(matchingJsonPath("$.purpose", equalTo("PASSWORD_RESET"))));
        assertThat(deliveries).hasSize(1);
        String token = JsonMapper.builder().build().readTree(deliveries.getFirst().getBodyAsString()).path("token")
                .asString();

        Response weak = api.post("/api/v1/auth/password-reset/confirm", null, Map.of("token", token,
                "newPassword", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.errorFields()).containsExactly("newPassword");

        assertThat(api.post("/api/v1/auth/password-reset/confirm", null, Map.of("token", token,
                "newPassword", "brand-new-pass-1")).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/auth/password-reset/confirm", null, Map.of("token", token,
                "newPassword", "another-pass-12")).status()).as("single use").isEqualTo(400);
        assertThat(api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", before.refresh())).status())
                .as("a reset ends existing sessions").isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", null, Map.of("email", email, "password", "student-pass-1"))
                .status()).isEqualTo(401);
        assertThat(api.login(email, "brand-new-pass-1").access()).isNotBlank();
        // On record for the audit trail: the request (for the known account only) and the reset.
        UUID account = UUID.fromString(api.get("/api/v1/users/me", api.login(email, "brand-new-pass-1").access())
                .text("id"));
        OutboxReader outbox = new OutboxReader(jdbc);
        assertThat(outbox.events("PasswordResetRequested", account.toString())).hasSize(1);
        assertThat(outbox.events("PasswordResetCompleted", account.toString())).hasSize(1);
        assertThat(String.join("", outbox.events("PasswordResetCompleted", account.toString()))).doesNotContain(token,
                "brand-new-pass-1");
    }

    @Test
    void anAccountCreatedWithoutAPasswordGetsASetPasswordLink() {
        String email = unique("invited");
        createUser(director, email, "TEACHER", branch, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> !MAIL_GATEWAY.findAll(
                postRequestedFor(urlEqualTo("/deliveries"))).isEmpty());
        List<LoggedRequest> deliveries = MAIL_GATEWAY.findAll(postRequestedFor(urlEqualTo("/deliveries"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(email)))
                .withRequestBody(matchingJsonPath("$.purpose", equalTo("SET_PASSWORD"))));
        assertThat(deliveries).hasSize(1);
        String token = JsonMapper.builder().build().readTree(deliveries.getFirst().getBodyAsString()).path("token")
                .asString();
        assertThat(api.post("/api/v1/auth/password-reset/confirm", null, Map.of("token", token,
                "newPassword", "my-first-pass-1")).status()).isEqualTo(204);
        assertThat(api.login(email, "my-first-pass-1").access()).isNotBlank();
    }

    @Test
    void secretsNeverReachTheLogs(CapturedOutput output) {
        String email = unique("s");
        createUser(director, email, "STUDENT", branch, "student-pass-1");
        Tokens tokens = api.login(email, "student-pass-1");
        api.post("/api/v1/auth/login", null, Map.of("email", email, "password", "wrong-pass-99"));
        api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", tokens.refresh()));
        api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", tokens.refresh()));
        api.post("/api/v1/auth/password-reset", null, Map.of("email", email));
        api.get("/api/v1/users/me", tokens.access() + "x");

        assertThat(output.getAll()).doesNotContain("student-pass-1", "wrong-pass-99", tokens.refresh(),
                tokens.access(), "$2a$", "{bcrypt}");
    }

    private static JsonNode decode(String jwt, int part) {
        return JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]));
    }
}
