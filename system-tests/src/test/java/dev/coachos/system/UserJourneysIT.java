package dev.coachos.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.ApiClient.Tokens;
import dev.coachos.testing.TestDatabase;
import dev.coachos.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The whole suite as separate processes (discovery-server, identity-service, course-service,
 * enrollment-service, communication-service, audit-service, assessment-service, finance-service,
 * marketing-service, gateway, found through Eureka, and a Kafka broker) on a database of its own,
 * driven through the gateway as a web client would. The services register with the registry's
 * credentials and listen on loopback; only the gateway listens beyond this machine.
 */
class UserJourneysIT {

    static final String DIRECTOR = "director@journeys.test";
    static final String DIRECTOR_PASSWORD = "journey-director-1";
    static final TestTokens KEY = TestTokens.withNewKey();

    /** The registry's account for this run; the services register with it, strangers have none. */
    static final String REGISTRY_USER = "journeys";
    static final String REGISTRY_PASSWORD = UUID.randomUUID().toString().replace("-", "");

    /** Razorpay for finance-service: the only party outside the suite, played by WireMock. */
    static final com.github.tomakehurst.wiremock.WireMockServer RAZORPAY = new com.github.tomakehurst.wiremock.WireMockServer(
            com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort());
    static final String WEBHOOK_SECRET = "whsec_" + UUID.randomUUID();
    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    static SuiteProcesses suite;
    static TestDatabase database;
    static ApiClient gateway;
    static ApiClient identity;
    static int discoveryPort;
    static int identityPort;
    static int gatewayPort;

    @BeforeAll
    static void startSuite() throws IOException {
        database = TestDatabase.create("journeys");
        Path keyFile = KEY.writePrivateKeyPem(Files.createTempFile("journeys-key", ".pem"));
        discoveryPort = SuiteProcesses.freePort();
        identityPort = SuiteProcesses.freePort();
        gatewayPort = SuiteProcesses.freePort();
        String eureka = "http://" + REGISTRY_USER + ":" + REGISTRY_PASSWORD + "@localhost:" + discoveryPort + "/eureka/";

        suite = new SuiteProcesses();
        String kafka = suite.startKafka();
        suite.start("discovery-server", Map.of("DISCOVERY_PORT", Integer.toString(discoveryPort),
                "COACHOS_EUREKA_USER", REGISTRY_USER, "COACHOS_EUREKA_PASSWORD", REGISTRY_PASSWORD),
                "http://localhost:" + discoveryPort + "/actuator/health");
        RAZORPAY.start();
        // The mail/SMS gateway identity hands reset and set-password links to: WireMock in this JVM too.
        RAZORPAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/deliveries")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(202)));
        suite.start("identity-service", Map.of(
                "IDENTITY_PORT", Integer.toString(identityPort),
                "COACHOS_RESET_DELIVERY_URL", "http://localhost:" + RAZORPAY.port() + "/deliveries",
                "COACHOS_DB_URL", database.jdbcUrl(),
                "COACHOS_ADMIN_EMAIL", DIRECTOR,
                "COACHOS_ADMIN_PASSWORD", DIRECTOR_PASSWORD,
                "COACHOS_IDENTITY_KEY_FILE", keyFile.toString(),
                "COACHOS_KAFKA_BOOTSTRAP", kafka,
                "EUREKA_URL", eureka),
                "http://localhost:" + identityPort + "/actuator/health/readiness");
        String jwks = "http://localhost:" + identityPort + "/.well-known/jwks.json";
        // The domain services all take the same database, broker, key set and registry.
        for (String[] service : new String[][] {{"course-service", "COURSE_PORT"},
                {"enrollment-service", "ENROLLMENT_PORT"}, {"communication-service", "COMMUNICATION_PORT"},
                {"audit-service", "AUDIT_PORT"}, {"assessment-service", "ASSESSMENT_PORT"},
                {"finance-service", "FINANCE_PORT"}, {"marketing-service", "MARKETING_PORT"}}) {
            int port = SuiteProcesses.freePort();
            Map<String, String> environment = new java.util.HashMap<>(Map.of(service[1], Integer.toString(port),
                    "COACHOS_DB_URL", database.jdbcUrl(), "COACHOS_KAFKA_BOOTSTRAP", kafka, "COACHOS_JWKS_URI", jwks,
                    "EUREKA_URL", eureka));
            if (service[0].equals("finance-service")) {
                // Razorpay is played by WireMock in this JVM; the webhook secret is the run's own.
                environment.putAll(Map.of("COACHOS_RAZORPAY_BASE_URL", "http://localhost:" + RAZORPAY.port(),
                        "COACHOS_RAZORPAY_KEY_ID", "rzp_test_journeys", "COACHOS_RAZORPAY_KEY_SECRET", "journeys-secret",
                        "COACHOS_RAZORPAY_WEBHOOK_SECRET", WEBHOOK_SECRET));
            }
            suite.start(service[0], environment, "http://localhost:" + port + "/actuator/health/readiness");
        }
        suite.start("gateway", Map.of(
                "GATEWAY_PORT", Integer.toString(gatewayPort),
                "EUREKA_URL", eureka,
                "COACHOS_JWKS_URI", jwks,
                "COACHOS_AUTH_RATE_PER_MINUTE", "300"),
                "http://localhost:" + gatewayPort + "/actuator/health");

        gateway = new ApiClient("http://localhost:" + gatewayPort);
        identity = new ApiClient("http://localhost:" + identityPort);
        // The gateway can route once Eureka has told it where identity-service is.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                gateway.post("/api/v1/auth/login", null, Map.of("email", DIRECTOR, "password", DIRECTOR_PASSWORD))
                        .status() == 200);
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
        RAZORPAY.stop();
    }

    @Test
    void aDirectorStaffsABranchAndAStudentReadsOnlyTheirOwnRecords() {
        String director = gateway.login(DIRECTOR, DIRECTOR_PASSWORD).access();
        String pune = created(gateway.post("/api/v1/branches", director, Map.of("code", "PUNE-1", "name", "Pune")));
        String nagpur = created(gateway.post("/api/v1/branches", director, Map.of("code", "NAG-1", "name", "Nagpur")));

        created(gateway.post("/api/v1/users", director, Map.of("email", "office@pune.test", "name", "Office Pune",
                "roleName", "BACKOFFICE", "branchId", pune, "password", "office-pass-12")));
        String otherStudent = created(gateway.post("/api/v1/users", director, Map.of("email", "s@nagpur.test",
                "name", "Nagpur Student", "roleName", "STUDENT", "branchId", nagpur, "password", "nagpur-pass-1")));

        String office = gateway.login("office@pune.test", "office-pass-12").access();
        String studentId = created(gateway.post("/api/v1/users", office, Map.of("email", "ravi@pune.test",
                "name", "Ravi Kumar", "roleName", "STUDENT", "password", "ravi-pass-123")));

        Tokens student = gateway.login("ravi@pune.test", "ravi-pass-123");
        Response me = gateway.get("/api/v1/users/me", student.access());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("id")).isEqualTo(studentId);
        assertThat(me.text("branchId")).isEqualTo(pune);
        assertThat(gateway.get("/api/v1/profiles/me", student.access()).json().path("student").path("id").asString())
                .isNotBlank();

        assertThat(gateway.get("/api/v1/users", student.access()).status()).isEqualTo(403);
        assertThat(gateway.get("/api/v1/users/" + otherStudent, student.access()).status()).isEqualTo(403);
        assertThat(gateway.get("/api/v1/users/" + otherStudent, office).status()).isEqualTo(403);
        assertThat(gateway.patch("/api/v1/users/" + otherStudent, office, Map.of("name", "X")).status())
                .isEqualTo(403);

        Response refreshed = gateway.post("/api/v1/auth/refresh", null, Map.of("refreshToken", student.refresh()));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(gateway.get("/api/v1/users/me", refreshed.text("accessToken")).status()).isEqualTo(200);
        assertThat(gateway.post("/api/v1/auth/refresh", null, Map.of("refreshToken", student.refresh())).status())
                .isEqualTo(401);
        assertThat(gateway.post("/api/v1/auth/logout", null, Map.of("refreshToken", refreshed.text("refreshToken")))
                .status()).isEqualTo(204);
    }

    @Test
    void aNewStudentFindsExactlyOneWelcomeThatNoOneElseCanSeeOrMark() {
        String director = gateway.login(DIRECTOR, DIRECTOR_PASSWORD).access();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        Response creation = gateway.send("POST", "/api/v1/users", director, Map.of("email", "neha@welcome.test",
                "name", "Neha", "roleName", "STUDENT", "password", "neha-pass-123"),
                Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        created(creation);
        created(gateway.post("/api/v1/users", director, Map.of("email", "omar@welcome.test", "name", "Omar",
                "roleName", "STUDENT", "password", "omar-pass-123")));
        String neha = gateway.login("neha@welcome.test", "neha-pass-123").access();
        String omar = gateway.login("omar@welcome.test", "omar-pass-123").access();

        // Routed once Eureka knows communication-service, delivered once the event has travelled.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                gateway.get("/api/v1/notifications", neha).json().path("page").path("totalElements").asInt() >= 1);
        Response mine = gateway.get("/api/v1/notifications?unread=true", neha);
        assertThat(mine.json().path("page").path("totalElements").asInt()).isEqualTo(1);
        assertThat(mine.json().path("content").get(0).path("message").asString()).contains("Neha");
        String id = mine.json().path("content").get(0).path("id").asString();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                gateway.get("/api/v1/notifications", omar).json().path("page").path("totalElements").asInt() >= 1);
        assertThat(gateway.get("/api/v1/notifications", omar).json().path("content").valueStream()
                .map(n -> n.path("id").asString())).doesNotContain(id);
        assertThat(gateway.post("/api/v1/notifications/" + id + "/read", omar, null).status()).isEqualTo(404);
        assertThat(gateway.post("/api/v1/notifications/" + id + "/read", neha, null).status()).isEqualTo(200);

        // One trace from the gateway, through identity-service and the outbox relay, into the consumer.
        await().atMost(Duration.ofSeconds(30)).until(() -> suite.log("communication-service")
                .contains("[communication-service," + traceId + ","));
        assertThat(suite.log("identity-service")).contains("[identity-service," + traceId + ",");
    }

    @Test
    void aStudentCreatedWhileKafkaIsDownIsWelcomedOnceItIsBack() throws Exception {
        String director = gateway.login(DIRECTOR, DIRECTOR_PASSWORD).access();
        suite.stopKafka();
        try {
            String id = created(gateway.post("/api/v1/users", director, Map.of("email", "during@outage.test",
                    "name", "Outage", "roleName", "STUDENT", "password", "outage-pass-1")));
            // The event is committed, and the relay has tried and failed to hand it over.
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    failedDeliveries(id) > 0);
        } finally {
            suite.restartKafka();
        }
        String student = gateway.login("during@outage.test", "outage-pass-1").access();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                gateway.get("/api/v1/notifications", student).json().path("page").path("totalElements").asInt() >= 1);
        assertThat(gateway.get("/api/v1/notifications", student).json().path("page").path("totalElements").asInt())
                .isEqualTo(1);
    }

    @Test
    void everyProcessStartsFromTheAheadOfTimeCacheTheBuildTrained() {
        assumeThat(Boolean.getBoolean("coachos.aot.skip")).as("the build was told not to train the caches").isFalse();
        assertThat(suite.launches()).hasSize(10).allSatisfy((module, launch) -> {
            // Started with its cache and -XX:AOTMode=on: a JVM that cannot use the cache (another JDK
            // build, other settings, a changed jar) exits, and the suite never becomes healthy.
            assertThat(launch).as(module).anyMatch(argument -> argument.startsWith("-XX:AOTCache="))
                    .contains("-XX:AOTMode=on");
            assertThat(suite.log(module)).as(module).doesNotContain("AOT cache");
        });
    }

    @Test
    void theRegistryHoldsTheSuiteAndRefusesStrangers() {
        // A stranger who reaches the registry can neither register under a service's name nor read it.
        String probe = """
                {"instance": {"instanceId": "probe", "hostName": "probe.invalid", "app": "IDENTITY-SERVICE",
                 "ipAddr": "10.9.9.9", "status": "UP", "port": {"$": 8081, "@enabled": "true"},
                 "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"}}}
                """;
        assertThat(registry("POST", "/eureka/apps/IDENTITY-SERVICE", null, probe).statusCode()).isEqualTo(401);
        assertThat(registry("POST", "/eureka/apps/IDENTITY-SERVICE", REGISTRY_USER + ":guess", probe).statusCode())
                .isEqualTo(401);
        assertThat(registry("GET", "/eureka/apps", null, null).statusCode()).isEqualTo(401);
        // The services registered with the suite's credentials, and the probe is not among them.
        HttpResponse<String> apps = registry("GET", "/eureka/apps", REGISTRY_USER + ":" + REGISTRY_PASSWORD, null);
        assertThat(apps.statusCode()).isEqualTo(200);
        assertThat(apps.body())
                .contains("IDENTITY-SERVICE", "COURSE-SERVICE", "ENROLLMENT-SERVICE", "COMMUNICATION-SERVICE",
                        "AUDIT-SERVICE", "ASSESSMENT-SERVICE", "FINANCE-SERVICE", "MARKETING-SERVICE")
                .doesNotContain("probe.invalid");
    }

    @Test
    void onlyTheGatewayListensBeyondTheLoopbackAddressTheOthersBindTo() {
        // The gateway listens on every interface, the others on 127.0.0.1 only: another address
        // (127.0.0.2 stands for any, without sending traffic beyond this machine's loopback) reaches
        // the gateway and nothing else.
        InetAddress address = SuiteProcesses.otherLoopbackAddress();
        assertThat(SuiteProcesses.accepts(address, gatewayPort)).as("the gateway at %s", address).isTrue();
        assertThat(SuiteProcesses.accepts(address, identityPort)).as("identity-service at %s", address).isFalse();
        assertThat(SuiteProcesses.accepts(address, discoveryPort)).as("the registry at %s", address).isFalse();
    }

    @Test
    void badTokensAreRefusedAtTheGatewayAndAtTheService() {
        UUID someone = UUID.randomUUID();
        List<String> tokens = List.of(
                KEY.token().subject(someone).expiresAt(Instant.now().minusSeconds(300)).sign(),
                TestTokens.withNewKey().token().subject(someone).sign(),
                KEY.token().subject(someone).issuer("another-issuer").sign(),
                KEY.token().subject(someone).audience("another-audience").sign(),
                TestTokens.tamper(gateway.login(DIRECTOR, DIRECTOR_PASSWORD).access()));
        for (ApiClient door : List.of(gateway, identity)) {
            assertThat(door.get("/api/v1/users/me", null).status()).isEqualTo(401);
            for (String token : tokens) {
                Response response = door.get("/api/v1/users/me", token);
                assertThat(response.status()).as(door.baseUrl() + " " + token).isEqualTo(401);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void badInputIsRefusedWithProblemsThroughTheGateway() {
        String director = gateway.login(DIRECTOR, DIRECTOR_PASSWORD).access();
        assertThat(gateway.post("/api/v1/users", director, "{not json").status()).isEqualTo(400);
        Response invalid = gateway.post("/api/v1/users", director, Map.of("email", "nope", "name", "X",
                "roleName", "STUDENT"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).contains("email");
        Response unknownRole = gateway.post("/api/v1/users", director, Map.of("email", "who@x.test", "name", "X",
                "roleName", "ASTRONAUT"));
        assertThat(unknownRole.errorFields()).containsExactly("roleName");
        gateway.post("/api/v1/users", director, Map.of("email", "twice@x.test", "name", "Twice",
                "roleName", "ADMIN", "password", "twice-pass-12"));
        assertThat(gateway.post("/api/v1/users", director, Map.of("email", "TWICE@x.test", "name", "Twice",
                "roleName", "ADMIN")).status()).isEqualTo(409);
    }

    @Test
    void theGatewayServesEveryServicesApiDocument() {
        Response docs = gateway.get("/v3/api-docs/identity", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/v1/users")).isTrue();
        assertThat(gateway.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get("/v3/api-docs/assessment", null).status() == 200);
        assertThat(gateway.get("/v3/api-docs/assessment", null).json().path("paths").has("/api/v1/quizzes")).isTrue();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get("/v3/api-docs/finance", null).status() == 200);
        assertThat(gateway.get("/v3/api-docs/finance", null).json().path("paths").has("/api/v1/fee-plans")).isTrue();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get("/v3/api-docs/marketing", null).status() == 200);
        assertThat(gateway.get("/v3/api-docs/marketing", null).json().path("paths").has("/api/v1/enquiries")).isTrue();
    }

    /** The documented walkthrough (docs/walkthrough.sh) runs as written against this suite, so the docs cannot drift. */
    @Test
    void theDocumentedWalkthroughRunsAsWritten() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("docs/walkthrough.sh"))) {
            root = root.getParent();
        }
        assertThat(root).as("no docs/walkthrough.sh above " + Path.of("").toAbsolutePath()).isNotNull();
        Path output = Files.createTempFile("walkthrough", ".log");
        ProcessBuilder walkthrough = new ProcessBuilder("bash", "docs/walkthrough.sh").directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        walkthrough.environment().put("COACHOS_GATEWAY_URL", gateway.baseUrl());
        walkthrough.environment().put("COACHOS_ADMIN_EMAIL", DIRECTOR);
        walkthrough.environment().put("COACHOS_ADMIN_PASSWORD", DIRECTOR_PASSWORD);
        Process process = walkthrough.start();
        // The script bounds each of its waits; this only guards against a hang outside them.
        boolean finished = process.waitFor(10, java.util.concurrent.TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(output);
        Files.deleteIfExists(output);
        assertThat(finished).as("the walkthrough did not finish within 10 minutes:%n%s", log).isTrue();
        assertThat(process.exitValue()).as("the walkthrough failed:%n%s", log).isZero();
    }

    @Test
    void aTeachersApprovedCurriculumIsWhatTheirBatchStudiesWithAttendanceAndProgress() {
        String director = gateway.login(DIRECTOR, DIRECTOR_PASSWORD).access();
        String teacherId = created(gateway.post("/api/v1/users", director, Map.of("email", "meera@course.test",
                "name", "Meera Iyer", "roleName", "TEACHER", "password", "meera-pass-123")));
        created(gateway.post("/api/v1/users", director, Map.of("email", "kabir@course.test", "name", "Kabir",
                "roleName", "STUDENT", "password", "kabir-pass-123")));
        // The gateway routes to course-service once Eureka has told it where it is; the catalogue needs no token.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get("/api/v1/courses", null).status() == 200);

        String course = created(gateway.post("/api/v1/courses", director, Map.of("title", "JEE Physics 2027",
                "price", 18500, "level", "ADVANCED", "durationHours", 200)));
        Response versions = gateway.get("/api/v1/courses/" + course + "/curricula", director);
        assertThat(versions.status()).as(versions.toString()).isEqualTo(200);
        String official = versions.json().get(0).path("id").asString();
        String mechanics = created(gateway.post("/api/v1/curricula/" + official + "/modules", director,
                Map.of("title", "Mechanics")));
        created(gateway.post("/api/v1/modules/" + mechanics + "/lessons", director,
                Map.of("title", "Newton's laws", "weightage", 2)));
        assertThat(gateway.put("/api/v1/courses/" + course + "/teachers/" + teacherId, director, null).status())
                .isEqualTo(204);

        String teacher = gateway.login("meera@course.test", "meera-pass-123").access();
        Response draft = gateway.post("/api/v1/courses/" + course + "/curricula", teacher,
                Map.of("versionName", "Meera's batch plan"));
        String version = created(draft);
        String teacherModule = draft.json().path("modules").get(0).path("id").asString();
        created(gateway.post("/api/v1/modules/" + teacherModule + "/lessons", teacher,
                Map.of("title", "Friction in daily life", "weightage", 1)));
        assertThat(gateway.post("/api/v1/curricula/" + version + "/submit", teacher, null).status()).isEqualTo(200);

        // The director hears of it through communication-service, then approves.
        await().atMost(Duration.ofSeconds(60)).until(() -> titles(director).contains("Curriculum waiting for approval"));
        Response approved = gateway.post("/api/v1/curricula/" + version + "/approve", director, null);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

        // The effective curriculum for that teacher is now her version; for everyone else the official one.
        Response effective = gateway.get("/api/v1/courses/" + course + "/curriculum?teacherId=" + teacherId, director);
        assertThat(effective.status()).as(effective.toString()).isEqualTo(200);
        assertThat(effective.text("id")).isEqualTo(version);
        assertThat(effective.json().path("modules").get(0).path("lessons").valueStream()
                .map(l -> l.path("title").asString()).toList())
                .containsExactly("Newton's laws", "Friction in daily life");
        assertThat(gateway.get("/api/v1/courses/" + course + "/curriculum", director).text("id")).isEqualTo(official);
        String student = gateway.login("kabir@course.test", "kabir-pass-123").access();
        // Not enrolled yet: a student reads nothing of the course's curriculum.
        assertThat(gateway.get("/api/v1/courses/" + course + "/curriculum?teacherId=" + teacherId, student).status())
                .isEqualTo(404);
        await().atMost(Duration.ofSeconds(60)).until(() -> titles(teacher).contains("Curriculum approved"));
        assertThat(gateway.get("/api/v1/courses/jee-physics-2027", null).text("id")).isEqualTo(course);

        // The course gets a batch taught by the teacher; two students join, one with a discount.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get("/api/v1/batches", director).status() == 200);
        String batch = created(gateway.post("/api/v1/batches", director, Map.of("courseId", course,
                "name", "JEE Physics Jan 2027", "startDate", java.time.LocalDate.now().minusDays(7).toString(),
                "teacherId", teacherId, "capacity", 25, "schedule", Map.of("mon", "10:00-12:00", "thu", "16:00-18:00"),
                "feeFrequency", "MONTHLY")));
        String zoyaId = created(gateway.post("/api/v1/users", director, Map.of("email", "zoya@course.test",
                "name", "Zoya", "roleName", "STUDENT", "password", "zoya-pass-1234")));
        String kabirId = gateway.get("/api/v1/users/me", student).text("id");
        Response discounted = gateway.post("/api/v1/enrollments", director, Map.of("studentId", kabirId,
                "courseId", course, "batchId", batch, "discountType", "PERCENTAGE", "discount", 10));
        assertThat(created(discounted)).isNotBlank();
        assertThat(discounted.json().path("netFee").decimalValue()).isEqualByComparingTo("16650.00");
        created(gateway.post("/api/v1/enrollments", director, Map.of("studentId", zoyaId, "courseId", course,
                "batchId", batch)));
        String zoya = gateway.login("zoya@course.test", "zoya-pass-1234").access();
        // Enrolled, Kabir reads his teacher's version (course-service learns of it from enrollment's events).
        await().atMost(Duration.ofSeconds(60)).until(() -> version.equals(gateway.get("/api/v1/courses/" + course
                + "/curriculum?teacherId=" + teacherId, student).text("id")));
        await().atMost(Duration.ofSeconds(60)).until(() -> titles(student).contains("Enrollment confirmed")
                && titles(zoya).contains("Enrollment confirmed"));

        // The teacher marks yesterday's session.
        Response attendance = gateway.post("/api/v1/attendance", teacher, Map.of("batchId", batch,
                "date", java.time.LocalDate.now().minusDays(1).toString(), "records", List.of(
                        Map.of("studentId", kabirId, "status", "PRESENT"),
                        Map.of("studentId", zoyaId, "status", "LATE"))));
        assertThat(attendance.status()).as(attendance.toString()).isEqualTo(200);
        assertThat(gateway.get("/api/v1/attendance/students/" + zoyaId + "/summary", zoya).json().path("counts")
                .path("late").asInt()).isEqualTo(1);

        // Kabir completes a lesson of his teacher's version (weights 2 and 1): two thirds done.
        String newton = effective.json().path("modules").get(0).path("lessons").get(0).path("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.post("/api/v1/progress/courses/" + course
                + "/lessons/" + newton + "/complete", student, null).status() == 200);
        Response progress = gateway.get("/api/v1/progress/courses/" + course, student);
        assertThat(progress.json().path("percent").decimalValue()).isEqualByComparingTo("66.67");
        assertThat(progress.json().path("curriculumId").asString()).isEqualTo(version);
        assertThat(gateway.get("/api/v1/progress/courses/" + course, zoya).json().path("percent").decimalValue())
                .isEqualByComparingTo("0");

        // Meera sets a quiz on her version (assessment-service knows her course and curriculum from
        // course-service's events) with one question of each type; Kabir and Zoya, in her batch
        // (known from enrollment-service's events), take it.
        Map<String, Object> quizSettings = Map.of("curriculumId", version, "title", "Newton's laws check",
                "durationMinutes", 20, "passingPercent", 50);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.post("/api/v1/quizzes", teacher, quizSettings).status() == 201);
        String quiz = gateway.get("/api/v1/quizzes?courseId=" + course, teacher).json().get(0).path("id").asString();
        JsonNode force = quizQuestion(teacher, quiz, Map.of("type", "MULTIPLE_CHOICE", "text", "Unit of force?",
                "points", 4, "negativePoints", 1, "options", List.of(Map.of("text", "newton", "correct", true),
                        Map.of("text", "joule", "correct", false))));
        JsonNode vectors = quizQuestion(teacher, quiz, Map.of("type", "MULTIPLE_SELECT", "text", "Vectors?",
                "points", 4, "negativePoints", 2, "multiSelectPolicy", "PARTIAL_NO_WRONG", "options", List.of(
                        Map.of("text", "velocity", "correct", true), Map.of("text", "force", "correct", true),
                        Map.of("text", "mass", "correct", false), Map.of("text", "time", "correct", false))));
        JsonNode mass = quizQuestion(teacher, quiz, Map.of("type", "TRUE_FALSE", "text", "Mass is a vector",
                "points", 1, "answer", false));
        JsonNode author = quizQuestion(teacher, quiz, Map.of("type", "SHORT_ANSWER", "text", "Who wrote the Principia?",
                "points", 3, "shortKeys", List.of(Map.of("pattern", "*newton"))));
        assertThat(gateway.post("/api/v1/quizzes/" + quiz + "/publish", teacher, null).status()).isEqualTo(200);

        String kabirs = takeQuiz(student, quiz, Map.of(force, Map.of("optionIds", List.of(option(force, "newton"))),
                vectors, Map.of("optionIds", List.of(option(vectors, "velocity"), option(vectors, "force"))),
                mass, Map.of("optionIds", List.of(option(mass, "False"))),
                author, Map.of("text", "Isaac Newton")));
        String zoyas = takeQuiz(zoya, quiz, Map.of(force, Map.of("optionIds", List.of(option(force, "joule"))),
                vectors, Map.of("optionIds", List.of(option(vectors, "velocity"))),
                author, Map.of("text", "The one under the apple tree")));
        // Kabir: every answer matches its key, graded at once (12 of 12). Zoya: -1 + 1 (half the
        // right options, none wrong: 4 x 1 / 4) + 0 (unanswered), and her short answer waits.
        JsonNode kabirsResult = gateway.get("/api/v1/attempts/" + kabirs, student).json();
        assertThat(kabirsResult.at("/attempt/status").asString()).isEqualTo("GRADED");
        assertThat(kabirsResult.at("/attempt/score").decimalValue()).isEqualByComparingTo("12.00");
        JsonNode zoyasResult = gateway.get("/api/v1/attempts/" + zoyas, zoya).json();
        assertThat(zoyasResult.at("/attempt/status").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(zoyasResult.at("/attempt/score").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(gateway.get("/api/v1/attempts/" + kabirs, zoya).status()).isEqualTo(404);
        // Meera hears that answers wait, grades Zoya's short answer, and Zoya hears her result.
        await().atMost(Duration.ofSeconds(60)).until(() -> titles(teacher).contains("Answers to grade"));
        Response graded = gateway.put("/api/v1/attempts/" + zoyas + "/grades/" + author.path("id").asString(), teacher,
                Map.of("points", 2, "feedback", "Name him: Isaac Newton"));
        assertThat(graded.status()).as(graded.toString()).isEqualTo(200);
        assertThat(graded.json().at("/attempt/score").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(graded.json().at("/attempt/passed").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(60)).until(() -> titles(student).contains("Quiz result")
                && titles(zoya).contains("Quiz submitted") && titles(zoya).contains("Quiz graded"));
        // Kabir's progress shows the quiz: one published, one passed, at 100 %.
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/v1/progress/courses/" + course, student)
                .json().at("/quizzes/passed").asInt() == 1);
        JsonNode quizzes = gateway.get("/api/v1/progress/courses/" + course, student).json().path("quizzes");
        assertThat(quizzes.path("published").asInt()).isEqualTo(1);
        assertThat(quizzes.path("averagePercent").decimalValue()).isEqualByComparingTo("100.00");

        // The journey's main actions are in the audit trail, each with who did it.
        String directorId = gateway.get("/api/v1/users/me", director).text("id");
        String enrollment = discounted.text("id");
        assertThat(actorsOf(director, "UserRegistered", "User", teacherId)).containsExactly(directorId);
        assertThat(actorsOf(director, "CurriculumApproved", "Curriculum", version)).containsExactly(directorId);
        assertThat(actorsOf(director, "EnrollmentCreated", "Enrollment", enrollment)).containsExactly(directorId);
        assertThat(actorsOf(director, "AttendanceMarked", "Batch", batch)).containsExactly(teacherId);
        assertThat(actorsOf(director, "QuizSubmitted", "Attempt", kabirs)).containsExactly(kabirId);
        assertThat(actorsOf(director, "QuizGraded", "Attempt", zoyas)).containsExactly(teacherId);
        assertThat(audited(director, "action=AttendanceMarked&entityType=Batch&entityId=" + batch).getFirst()
                .path("where").path("source").asString()).isEqualTo("enrollment-service");
        // A student may not read the trail; the chain the trail is kept in is intact.
        assertThat(gateway.get("/api/v1/audit", student).status()).isEqualTo(403);
        Response verified = gateway.get("/api/v1/audit/verify", director);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().path("intact").asBoolean()).as(verified.toString()).isTrue();

        feesOfTheJourney(director, student, kabirId, enrollment);
        announcementOfTheJourney(director, student, zoya, batch);
        queryOfTheJourney(director, student, zoya);
        leaveOfTheJourney(director, student, kabirId);
        enquiryOfTheJourney(director, batch);
    }

    /**
     * A website enquiry from a campaign becomes a lead, is followed up and converted into the
     * journey's batch; the new student sets a password and signs in, and the campaign report counts
     * the conversion and its first payment.
     */
    private static void enquiryOfTheJourney(String director, String batch) {
        String campaign = created(gateway.post("/api/v1/campaigns", director, Map.of("name", "JEE search ads",
                "channel", "GOOGLE_ADS", "budget", 20000)));
        assertThat(gateway.post("/api/v1/campaigns/" + campaign + "/status", director, Map.of("status", "ACTIVE"))
                .status()).isEqualTo(200);
        created(gateway.post("/api/v1/campaigns/" + campaign + "/spend", director, Map.of("amount", 4000,
                "spentOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")).toString())));
        // The website's form: no token; a bot filling the hidden field is dropped without a word.
        Response enquiry = gateway.post("/api/v1/enquiries", null, Map.of("name", "Tara Singh", "phone", "98111 22233",
                "email", "tara@course.test", "courseInterest", "JEE Physics", "campaignId", campaign));
        assertThat(enquiry.status()).as(enquiry.toString()).isEqualTo(202);
        assertThat(gateway.post("/api/v1/enquiries", null, Map.of("name", "Bot", "phone", "98111 99999",
                "website", "http://spam.test")).status()).isEqualTo(202);
        JsonNode found = gateway.get("/api/v1/leads?q=98111", director).json().path("content");
        assertThat(found).hasSize(1);
        JsonNode lead = found.get(0);
        String leadId = lead.path("id").asString();
        assertThat(lead.path("source").asString()).isEqualTo("WEBSITE");
        assertThat(lead.path("phone").asString()).isEqualTo("+919811122233");
        assertThat(lead.path("campaignId").asString()).isEqualTo(campaign);

        // Followed up: a call, then qualified.
        assertThat(gateway.post("/api/v1/leads/" + leadId + "/activities", director, Map.of("type", "CALL",
                "notes", "Wants the January batch")).status()).isEqualTo(201);
        assertThat(gateway.post("/api/v1/leads/" + leadId + "/stage", director, Map.of("stage", "QUALIFIED"))
                .status()).isEqualTo(200);

        // Converted in one step: identity makes the account, enrollment enrolls, finance raises the plan.
        Response conversion = gateway.post("/api/v1/leads/" + leadId + "/conversion", director,
                Map.of("batchId", batch));
        assertThat(conversion.status()).as(conversion.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> "FEE_PLAN_RAISED"
                .equals(gateway.get("/api/v1/leads/" + leadId + "/conversion", director).text("progress")));
        JsonNode converted = gateway.get("/api/v1/leads/" + leadId, director).json();
        assertThat(converted.path("stage").asString()).isEqualTo("CONVERTED");
        String taraId = converted.path("studentId").asString();
        assertThat(gateway.get("/api/v1/users/" + taraId, director).text("email")).isEqualTo("tara@course.test");

        // The set-password link went to the delivery gateway; Tara sets her password and signs in.
        String token = await().atMost(Duration.ofSeconds(60)).until(() -> RAZORPAY.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/deliveries"))).stream()
                .map(r -> JSON.readTree(r.getBodyAsString()))
                .filter(d -> d.path("to").asString().equals("tara@course.test")
                        && d.path("purpose").asString().equals("SET_PASSWORD"))
                .map(d -> d.path("token").asString()).findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(gateway.post("/api/v1/auth/password-reset/confirm", null, Map.of("token", token,
                "newPassword", "tara-pass-2027")).status()).isIn(200, 204);
        String tara = gateway.login("tara@course.test", "tara-pass-2027").access();
        assertThat(gateway.get("/api/v1/leads", tara).status()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/v1/fee-plans", tara).json()
                .path("content").size() == 1);
        String plan = gateway.get("/api/v1/fee-plans", tara).json().path("content").get(0).path("id").asString();

        // Her first payment reaches the campaign report with the conversion.
        Response paid = gateway.send("POST", "/api/v1/payments", director, Map.of("planId", plan, "amount", 3000,
                "method", "CASH"), Map.of("Idempotency-Key", "journey-tara-1"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")).toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> campaignRow(director, campaign, today)
                .path("feesCollected").decimalValue().signum() > 0);
        JsonNode row = campaignRow(director, campaign, today);
        assertThat(row.path("leads").asInt()).isEqualTo(1);
        assertThat(row.path("conversions").asInt()).isEqualTo(1);
        assertThat(row.path("feesCollected").decimalValue()).isEqualByComparingTo("3000.00");
        assertThat(row.path("spend").decimalValue()).isEqualByComparingTo("4000.00");
        assertThat(row.path("costPerConversion").decimalValue()).isEqualByComparingTo("4000.00");
        assertThat(row.path("returnOnSpend").decimalValue()).isEqualByComparingTo("-0.2500");
    }

    private static JsonNode campaignRow(String token, String campaign, String day) {
        Response report = gateway.get("/api/v1/campaigns/report?from=" + day + "&to=" + day, token);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return report.json().path("campaigns").valueStream()
                .filter(c -> campaign.equals(c.path("campaignId").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("campaign not in the report: " + report));
    }

    /** An announcement to the journey's batch reaches its two students, and not a student outside it. */
    private static void announcementOfTheJourney(String director, String student, String zoya, String batch) {
        created(gateway.post("/api/v1/users", director, Map.of("email", "noor@course.test", "name", "Noor",
                "roleName", "STUDENT", "password", "noor-pass-1234")));
        String outsider = gateway.login("noor@course.test", "noor-pass-1234").access();
        Response published = gateway.post("/api/v1/announcements", director, Map.of("title", "Mock test on Sunday",
                "content", "<p>Bring your admit card.</p><script>alert(1)</script>", "type", "NOTICE",
                "audience", Map.of("batchIds", List.of(batch))));
        String announcement = created(published);
        for (String recipient : List.of(student, zoya)) {
            JsonNode inbox = gateway.get("/api/v1/announcements", recipient).json();
            assertThat(inbox.path("content").valueStream().map(a -> a.path("id").asString()).toList())
                    .contains(announcement);
            assertThat(gateway.get("/api/v1/announcements/" + announcement, recipient).text("content"))
                    .contains("admit card").doesNotContain("script");
        }
        assertThat(gateway.get("/api/v1/announcements", outsider).json().path("content").valueStream()
                .map(a -> a.path("id").asString()).toList()).doesNotContain(announcement);
        assertThat(gateway.get("/api/v1/announcements/" + announcement, outsider).status()).isEqualTo(404);
    }

    /**
     * Kabir asks for leave over next week's Monday to Thursday; it is approved, and enrollment-service
     * records his batch's two sessions in that range (Monday and Thursday) as EXCUSED.
     */
    private static void leaveOfTheJourney(String office, String student, String kabirId) {
        java.time.LocalDate monday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata"))
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        String week = "/api/v1/attendance/students/" + kabirId + "/summary?from=" + monday + "&to=" + monday.plusDays(3);
        assertThat(gateway.get(week, student).json().path("counts").path("excused").asLong()).isZero();
        String leave = created(gateway.post("/api/v1/leaves", student, Map.of("fromDate", monday.toString(),
                "toDate", monday.plusDays(3).toString(), "leaveType", "SICK", "reason", "Viral fever")));
        Response approved = gateway.post("/api/v1/leaves/" + leave + "/decision", office,
                Map.of("decision", "APPROVED", "note", "Get well soon"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get(week, student).json().path("counts")
                .path("excused").asLong() == 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> titles(student).contains("Leave approved"));
    }

    /** Kabir asks about his course; the office answers, he replies, the office resolves it; Zoya sees none of it. */
    private static void queryOfTheJourney(String office, String student, String otherStudent) {
        Response opened = gateway.post("/api/v1/queries", student, Map.of("subject", "Doubt session timing",
                "message", "Is Saturday's doubt session at 10 or at 11?", "priority", "NORMAL"));
        String query = created(opened);
        assertThat(opened.text("status")).isEqualTo("OPEN");
        assertThat(gateway.get("/api/v1/queries/" + query, otherStudent).status()).isEqualTo(404);
        assertThat(gateway.post("/api/v1/queries/" + query + "/messages", office,
                Map.of("body", "At 10, in room 2.")).status() / 100).isEqualTo(2);
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/v1/queries/" + query, student).json()
                .path("messages").size() == 2);
        Response resolved = gateway.post("/api/v1/queries/" + query + "/status", office, Map.of("status", "RESOLVED"));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        JsonNode thread = gateway.get("/api/v1/queries/" + query, student).json();
        assertThat(thread.path("status").asString()).isEqualTo("RESOLVED");
        assertThat(thread.path("firstResponseAt").isNull()).isFalse();
        assertThat(thread.path("messages").valueStream().map(m -> m.path("fromStaff").asBoolean()).toList())
                .containsExactly(false, true);
        assertThat(gateway.get("/api/v1/queries", student).json().path("content").valueStream()
                .map(q -> q.path("id").asString()).toList()).containsExactly(query);
    }

    /**
     * Kabir's enrollment has its fee plan (finance-service raised it from EnrollmentCreated); back
     * office takes a UPI part-payment, a retry with the same Idempotency-Key takes nothing, Kabir
     * reads his receipt as a PDF; then he pays the rest of the installment online: Razorpay's signed
     * webhook, delivered twice, pays it once; an unsigned one changes nothing.
     */
    private static void feesOfTheJourney(String office, String student, String kabirId, String enrollment) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Response plans = gateway.get("/api/v1/fee-plans", student);
            return plans.status() == 200 && plans.json().path("content").size() == 1;
        });
        JsonNode plan = gateway.get("/api/v1/fee-plans", student).json().path("content").get(0);
        assertThat(plan.path("enrollmentId").asString()).isEqualTo(enrollment);
        assertThat(plan.path("frequency").asString()).isEqualTo("MONTHLY");
        JsonNode first = gateway.get("/api/v1/fee-plans/" + plan.path("id").asString(), student).json()
                .path("installments").get(0);
        assertThat(first.path("amount").decimalValue()).isEqualByComparingTo("16650.00");

        Map<String, Object> upi = Map.of("planId", plan.path("id").asString(), "amount", 5000, "method", "UPI",
                "reference", "6012 3456 7890");
        Map<String, String> key = Map.of("Idempotency-Key", "journey-payment-1");
        Response paid = gateway.send("POST", "/api/v1/payments", office, upi, key);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        Response retried = gateway.send("POST", "/api/v1/payments", office, upi, key);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.text("id")).isEqualTo(paid.text("id"));
        assertThat(payments(office, plan)).isEqualTo(1);
        String receiptNumber = paid.text("receiptNumber");
        assertThat(receiptNumber).matches("HO/\\d{2}-\\d{2}/00001");

        String pdf = pdfText("/api/v1/receipts/" + paid.text("receiptId"), student);
        assertThat(pdf).contains("Receipt", receiptNumber, "Kabir", "\u20B95,000.00", "Five Thousand Rupees Only",
                "Balance pending");
        await().atMost(Duration.ofSeconds(60)).until(() -> titles(student).contains("Payment received"));
        // The receipt also leaves the app by its template: with no provider configured, the e-mail is
        // written to the delivery log and the application log (SENT by "log"); Kabir has no phone.
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/v1/deliveries/mine", student).json()
                .path("content").valueStream().anyMatch(d -> d.path("purpose").asString().equals("PAYMENT_RECEIPT")
                        && d.path("channel").asString().equals("EMAIL") && d.path("status").asString().equals("SENT")
                        && d.path("body").asString().contains(receiptNumber)));
        assertThat(gateway.get("/api/v1/deliveries", student).status()).isEqualTo(403);

        // The rest of the first installment, online.
        RAZORPAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/v1/payment_links").willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        {"id":"plink_journey1","short_url":"https://rzp.io/i/journey1","status":"created"}""")));
        Response link = gateway.post("/api/v1/installments/" + first.path("id").asString() + "/payment-link", student,
                null);
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        assertThat(link.json().path("amount").decimalValue()).isEqualByComparingTo("11650.00");
        String webhook = """
                {"entity":"event","event":"payment_link.paid","contains":["payment_link","payment"],"payload":{
                 "payment_link":{"entity":{"id":"plink_journey1","status":"paid","amount":1165000,"amount_paid":1165000}},
                 "payment":{"entity":{"id":"pay_journey1","amount":1165000,"currency":"INR","status":"captured","method":"upi"}}}}""";
        assertThat(razorpayWebhook(webhook, "not-signed", "evt_journey_forged")).isEqualTo(401);
        assertThat(razorpayWebhook(webhook, hmac(webhook, WEBHOOK_SECRET), "evt_journey1")).isEqualTo(200);
        assertThat(razorpayWebhook(webhook, hmac(webhook, WEBHOOK_SECRET), "evt_journey1")).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> "PAID".equals(gateway.get("/api/v1/fee-plans/"
                + plan.path("id").asString(), student).json().path("installments").get(0).path("status").asString()));
        assertThat(payments(office, plan)).isEqualTo(2);
        assertThat(gateway.get("/api/v1/payments?planId=" + plan.path("id").asString(), student).json()
                .path("content").valueStream().map(p -> p.path("method").asString()).toList())
                .containsExactlyInAnyOrder("UPI", "ONLINE");
        assertThat(gateway.get("/api/v1/payments?planId=" + plan.path("id").asString(), student).json()
                .path("content").valueStream().map(p -> p.path("studentId").asString()).distinct().toList())
                .containsExactly(kabirId);
    }

    private static int payments(String token, JsonNode plan) {
        return gateway.get("/api/v1/payments?planId=" + plan.path("id").asString(), token).json().path("page")
                .path("totalElements").asInt();
    }

    /** The text of a PDF the gateway serves to the token's holder. */
    private static String pdfText(String path, String token) {
        try {
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(gateway.baseUrl() + path)).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/pdf").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
                return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a Razorpay webhook through the gateway's public route, as Razorpay would; returns the status. */
    private static int razorpayWebhook(String body, String signature, String eventId) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(gateway.baseUrl() + "/api/v1/webhooks/razorpay"))
                    .header("Content-Type", "application/json").header("X-Razorpay-Signature", signature)
                    .header("X-Razorpay-Event-Id", eventId)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String body, String secret) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode quizQuestion(String teacher, String quiz, Map<String, Object> question) {
        Response added = gateway.post("/api/v1/quizzes/" + quiz + "/questions", teacher, question);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json();
    }

    private static String option(JsonNode question, String text) {
        return question.path("options").valueStream().filter(o -> o.path("text").asString().equals(text))
                .findFirst().orElseThrow().path("id").asString();
    }

    /** Starts an attempt (once the student's enrollment has reached assessment-service), answers and submits. */
    private static String takeQuiz(String student, String quiz, Map<JsonNode, Map<String, Object>> answers) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                gateway.post("/api/v1/quizzes/" + quiz + "/attempts", student, null).status() / 100 == 2);
        String attempt = gateway.post("/api/v1/quizzes/" + quiz + "/attempts", student, null).text("id");
        answers.forEach((question, answer) -> assertThat(gateway.put("/api/v1/attempts/" + attempt + "/answers/"
                + question.path("id").asString(), student, answer).status()).isEqualTo(200));
        Response submitted = gateway.post("/api/v1/attempts/" + attempt + "/submit", student, null);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        return attempt;
    }

    /** The audit records a search finds, newest first. */
    private static List<JsonNode> audited(String token, String query) {
        Response found = gateway.get("/api/v1/audit?" + query, token);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.json().path("content").valueStream().toList();
    }

    /** Who acted in the audit records of one action on one entity, once the action has been recorded. */
    private static List<String> actorsOf(String token, String action, String entityType, String entityId) {
        String query = "action=" + action + "&entityType=" + entityType + "&entityId=" + entityId;
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> !audited(token, query).isEmpty());
        return audited(token, query).stream().map(r -> r.path("who").path("userId").asString()).toList();
    }

    private static List<String> titles(String token) {
        return gateway.get("/api/v1/notifications", token).json().path("content").valueStream()
                .map(n -> n.path("title").asString()).toList();
    }

    private static int failedDeliveries(String aggregateId) throws java.sql.SQLException {
        try (java.sql.Connection connection = database.adminConnection();
                java.sql.PreparedStatement query = connection.prepareStatement("select count(*) from identity.outbox_event "
                        + "where record_key = ? and published_at is null and last_error is not null")) {
            query.setString(1, aggregateId);
            try (java.sql.ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** A call to the registry, with {@code user:password} as basic credentials when given. */
    private static HttpResponse<String> registry(String method, String path, String credentials, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + discoveryPort + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("id");
    }
}
