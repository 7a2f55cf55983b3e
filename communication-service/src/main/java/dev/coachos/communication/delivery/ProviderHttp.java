package dev.coachos.communication.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP providers' client (HTTP/1.1, connect and read timeouts), and how their failures are
 * told apart: an error answer or a connection that never opened is a {@link ChannelSender.Refused}
 * (the provider did not take the message); a timeout or a broken connection after the request went
 * out is {@link ChannelSender.Unknown}.
 */
@Component
class ProviderHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final ProviderSettings settings;

    ProviderHttp(ProviderSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
    }

    /** A provider's JSON answer to a 2xx, or the outcome of a failure. */
    sealed interface Answer {
    }

    record Ok(JsonNode body) implements Answer {
    }

    record Failed(ChannelSender.Outcome outcome) implements Answer {
    }

    Answer postJson(String url, Map<String, String> headers, Object body, String provider) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.readTimeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new Failed(new ChannelSender.Refused(provider + " could not be reached (" + e.getClass().getSimpleName()
                    + ")"));
        } catch (HttpTimeoutException e) {
            return new Failed(new ChannelSender.Unknown("outcome unknown: " + provider + " did not answer in "
                    + settings.readTimeout().toSeconds() + " s"));
        } catch (IOException e) {
            return new Failed(new ChannelSender.Unknown("outcome unknown: the connection to " + provider
                    + " broke after the request went out (" + e.getClass().getSimpleName() + ")"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(new ChannelSender.Unknown("outcome unknown: interrupted while waiting for " + provider));
        }
        if (response.statusCode() / 100 != 2) {
            return new Failed(new ChannelSender.Refused(provider + " answered HTTP " + response.statusCode()
                    + errorText(response.body())));
        }
        try {
            return new Ok(JSON.readTree(response.body()));
        } catch (RuntimeException e) {
            // It answered 2xx: it took the request, though we cannot read its id.
            return new Ok(JSON.createObjectNode());
        }
    }

    /** A short reason from the provider's error body (its message or code), never the request we sent. */
    private static String errorText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = JSON.readTree(body);
            String text = node.path("error").path("message").asString(null);
            if (text == null) {
                text = node.path("message").asString(null);
            }
            if (text == null) {
                text = node.path("error").asString(null);
            }
            return text == null ? "" : ": " + shorten(text);
        } catch (RuntimeException e) {
            return "";
        }
    }

    static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
