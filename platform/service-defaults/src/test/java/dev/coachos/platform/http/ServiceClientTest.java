package dev.coachos.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.HttpServer;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** Calls to a real HTTP server on loopback that answers, fails, hangs or is not there. */
class ServiceClientTest {

    private HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();

    private enum Behaviour { FOUND, MISSING, FAILING, HANGING }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Behaviour behaviour = behaviours.getOrDefault(path, Behaviour.MISSING);
            if (behaviour == Behaviour.HANGING) {
                try {
                    Thread.sleep(Duration.ofSeconds(30)); // the stand-in is slow on purpose: no test waits for it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "{\"id\":\"c-1\",\"title\":\"Physics\"}".getBytes(StandardCharsets.UTF_8);
            int status = switch (behaviour) {
                case FOUND, HANGING -> 200;
                case MISSING -> 404;
                case FAILING -> 500;
            };
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
            if (status == 200) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    record Course(String id, String title) {
    }

    @Test
    void anAnswerIsTheBodyAndNotFoundIsEmpty() {
        ServiceClient client = client(ServiceClient.Settings.at(base()));
        behaviours.put("/courses/1", Behaviour.FOUND);
        assertThat(client.find("/courses/1", Course.class)).contains(new Course("c-1", "Physics"));
        assertThat(client.find("/courses/2", Course.class)).isEmpty();
        assertThat(hits.get("/courses/2").get()).isEqualTo(1);
    }

    @Test
    void aFailingServiceIsTriedAFewTimesThenA503() {
        ServiceClient client = client(new ServiceClient.Settings(base(), null, null, 3, Duration.ofMillis(10), 0, 0, null));
        behaviours.put("/courses/3", Behaviour.FAILING);
        assertUnavailable(() -> client.find("/courses/3", Course.class));
        assertThat(hits.get("/courses/3").get()).isEqualTo(3);
    }

    @Test
    void aSlowServiceCostsTheReadTimeNotTheWait() {
        ServiceClient client = client(new ServiceClient.Settings(base(), null, Duration.ofMillis(300), 1, null, 0, 0,
                null));
        behaviours.put("/courses/4", Behaviour.HANGING);
        assertUnavailable(() -> client.find("/courses/4", Course.class));
    }

    @Test
    void afterEnoughFailuresTheBreakerStopsCallingUntilItsOpenTimeHasPassed() {
        ServiceClient client = client(new ServiceClient.Settings(base(), null, null, 1, null, 50, 4,
                Duration.ofMillis(500)));
        behaviours.put("/courses/5", Behaviour.FAILING);
        for (int i = 0; i < 4; i++) {
            assertUnavailable(() -> client.find("/courses/5", Course.class));
        }
        assertThat(client.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        int before = hits.get("/courses/5").get();
        assertUnavailable(() -> client.find("/courses/5", Course.class));
        assertThat(hits.get("/courses/5").get()).isEqualTo(before);
        behaviours.put("/courses/5", Behaviour.FOUND);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try {
                return client.find("/courses/5", Course.class).isPresent();
            } catch (ErrorResponseException stillOpen) {
                return false;
            }
        });
    }

    @Test
    void aServiceNobodyRegisteredIsA503() {
        ServiceClient client = client(ServiceClient.Settings.at("lb://course-service"));
        assertUnavailable(() -> client.find("/courses/6", Course.class));
        assertThatThrownBy(() -> ServiceClient.Settings.at(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    private ServiceClient client(ServiceClient.Settings settings) {
        return new ServiceClient("course-service", settings,
                new StaticListableBeanFactory().getBeanProvider(LoadBalancerClient.class), RestClient.builder());
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void assertUnavailable(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(503);
            assertThat(e.getBody().getType()).hasToString("urn:coachos:problem:service-unavailable");
            assertThat(e.getBody().getDetail()).contains("course-service");
        });
    }
}
