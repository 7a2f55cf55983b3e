package dev.coachos.identity.auth;

import java.net.http.HttpClient;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Hands a reset (or set-password) link to the institute's mail/SMS gateway, configured as
 * {@code coachos.identity.reset-delivery-url}. The link is never logged. Delivery failures are
 * logged and swallowed, so the API answers the same whether or not the account exists.
 */
@Component
class ResetLinkSender {

    private static final Logger log = LoggerFactory.getLogger(ResetLinkSender.class);

    private final AuthProperties properties;
    private final RestClient client;

    ResetLinkSender(AuthProperties properties, RestClient.Builder builder) {
        this.properties = properties;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(3)).build());
        requests.setReadTimeout(Duration.ofSeconds(5));
        this.client = builder.requestFactory(requests).build();
    }

    void send(String email, String name, String secret, Purpose purpose) {
        if (properties.resetDeliveryUrl() == null) {
            log.warn("No reset delivery gateway is configured (coachos.identity.reset-delivery-url); "
                    + "a {} link for a user was not sent", purpose);
            return;
        }
        try {
            client.post().uri(properties.resetDeliveryUrl())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new Delivery(email, name, purpose, properties.resetLinkBase() + secret, secret))
                    .retrieve()
                    .toBodilessEntity();
        } catch (RestClientException e) {
            log.error("Could not hand a {} link to the delivery gateway: {}", purpose, e.getMessage());
        }
    }

    enum Purpose {
        PASSWORD_RESET, SET_PASSWORD
    }

    record Delivery(String to, String name, Purpose purpose, String link, String token) {

        @Override
        public String toString() {
            return "Delivery[purpose=" + purpose + "]";
        }
    }
}
