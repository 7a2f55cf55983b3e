package dev.coachos.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small client for the setup: plain requests through the gateway as one signed-in user, each
 * answer's status checked. Retries what the suite answers while it is busy or still hearing of
 * something by event (connection errors, 502, 503, 504), and, where asked, until a condition holds.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String gateway;
    private final String token;

    private Api(String gateway, String token) {
        this.gateway = gateway;
        this.token = token;
    }

    /** Signs in and answers a client acting as that user. */
    static Api login(String gateway, String email, String password) {
        Response signedIn = new Api(gateway, null).call("POST", "/api/v1/auth/login",
                Map.of("email", email, "password", password), Map.of(), 200);
        return new Api(gateway, signedIn.json().path("accessToken").asText());
    }

    JsonNode get(String path) {
        return call("GET", path, null, Map.of(), 200).json();
    }

    JsonNode post(String path, Object body) {
        return call("POST", path, body, Map.of(), 201).json();
    }

    /**
     * Sends one request and answers it when its status is {@code expected}; other statuses fail at
     * once, except the suite's "busy" ones (502, 503, 504) and connection errors, tried again for a
     * minute.
     */
    Response call(String method, String path, Object body, Map<String, String> headers, int expected) {
        return until(method, path, body, headers, r -> r.status() == expected, 60, true);
    }

    /**
     * Sends the request every half second until {@code done} holds for the answer, for at most
     * {@code seconds}; with {@code strict}, any status that is neither wanted nor "busy" fails at once.
     */
    Response until(String method, String path, Object body, Map<String, String> headers, Predicate<Response> done,
            int seconds, boolean strict) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Response last = null;
        Exception failure = null;
        while (true) {
            try {
                last = send(method, path, body, headers);
                failure = null;
                if (done.test(last)) {
                    return last;
                }
                boolean busy = last.status() == 502 || last.status() == 503 || last.status() == 504;
                if (strict && !busy) {
                    throw new IllegalStateException(method + " " + path + " answered " + last.status() + ": "
                            + last.body());
                }
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(method + " " + path + " did not answer as wanted within " + seconds
                        + " s; last: " + (last == null ? failure : last.status() + " " + last.body()));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Response send(String method, String path, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body instanceof String text) {
            request.method(method, HttpRequest.BodyPublishers.ofString(text));
        } else if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    /** A status and a body. */
    record Response(int status, String body) {

        JsonNode json() {
            try {
                return body == null || body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }
}
