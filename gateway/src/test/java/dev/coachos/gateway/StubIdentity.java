package dev.coachos.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server standing in for identity-service behind the gateway: it publishes a JWK
 * set, answers logins, echoes what reached it (a webhook's body too), serves an OpenAPI document,
 * and can be slow on purpose.
 */
final class StubIdentity implements AutoCloseable {

    private final HttpServer server;
    private volatile Supplier<String> jwks;
    private final java.util.concurrent.atomic.AtomicInteger flaky = new java.util.concurrent.atomic.AtomicInteger();

    StubIdentity(Supplier<String> jwks) {
        this.jwks = jwks;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/.well-known/jwks.json", ex -> respond(ex, 200, this.jwks.get()));
        server.createContext("/api/v1/auth/login", ex -> respond(ex, 200,
                "{\"accessToken\":\"a\",\"refreshToken\":\"r\",\"tokenType\":\"Bearer\",\"expiresIn\":600}"));
        // Far slower than any timeout the gateway has, so that answering in time can only be the gateway's doing.
        server.createContext("/api/v1/users/slow", ex -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 200, "{}");
        });
        server.createContext("/api/v1/users", this::echo);
        // The service's own OpenAPI document, which the gateway's Swagger UI reads through a route.
        server.createContext("/v3/api-docs", ex -> respond(ex, 200,
                "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"stand-in\",\"version\":\"1\"},\"paths\":{}}"));
        // Answers after 300 ms, so that many concurrent calls are in flight at once (a load shape, not a wait).
        server.createContext("/api/v1/courses/pause", ex -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 200, "{}");
        });
        // Every other call hangs up without an answer, as a service closing a pooled connection does.
        server.createContext("/api/v1/courses/flaky", ex -> {
            ex.getRequestBody().readAllBytes();
            if (flaky.getAndIncrement() % 2 == 0) {
                ex.close();
                return;
            }
            respond(ex, 200, "{\"served\":true}");
        });
        server.createContext("/api/v1/courses", this::echo);
        server.createContext("/api/v1/calendar", this::echo);
        // finance-service's paths: its resources, and Razorpay's webhook, whose raw body is echoed back.
        server.createContext("/api/v1/fee-plans", this::echo);
        server.createContext("/api/v1/webhooks/razorpay", this::echoWithBody);
        // finance-service's payroll and reports (payroll runs echoed with their body and method).
        server.createContext("/api/v1/salary-structures", this::echo);
        server.createContext("/api/v1/payroll-runs", this::echoWithBody);
        server.createContext("/api/v1/salary-slips", this::echo);
        server.createContext("/api/v1/batch-pay", this::echo);
        server.createContext("/api/v1/teacher-pay", this::echo);
        server.createContext("/api/v1/reports", this::echo);
        // marketing-service's paths: the website's enquiries (echoed with their body), leads and campaigns.
        server.createContext("/api/v1/enquiries", this::echoWithBody);
        server.createContext("/api/v1/leads", this::echo);
        server.createContext("/api/v1/campaigns", this::echo);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void publish(Supplier<String> jwks) {
        this.jwks = jwks;
    }

    private void echo(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        String body = JsonMapper.builder().build().writeValueAsString(Map.of(
                "path", exchange.getRequestURI().getPath(), "headers", headers));
        respond(exchange, 200, body);
    }

    private void echoWithBody(HttpExchange exchange) throws IOException {
        byte[] received = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        String body = JsonMapper.builder().build().writeValueAsString(Map.of(
                "path", exchange.getRequestURI().getPath(), "method", exchange.getRequestMethod(), "headers", headers,
                "body", new String(received, StandardCharsets.UTF_8), "bytes", received.length));
        respond(exchange, 200, body);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
