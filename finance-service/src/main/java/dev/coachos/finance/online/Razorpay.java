package dev.coachos.finance.online;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.coachos.platform.web.Problems;
import tools.jackson.databind.JsonNode;

/**
 * Razorpay's payment links API: create a link, read one back. Amounts cross this boundary in paise.
 * A provider that cannot be reached or refuses is a 502 problem for the caller, never a 500.
 */
@Component
class Razorpay {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Razorpay.class);

    private final RazorpaySettings settings;
    private final RestClient http;

    Razorpay(RazorpaySettings settings) {
        this.settings = settings;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build());
        factory.setReadTimeout(Duration.ofSeconds(8));
        this.http = RestClient.builder().baseUrl(settings.baseUrl()).requestFactory(factory)
                .defaultHeaders(h -> {
                    if (settings.linksConfigured()) {
                        h.setBasicAuth(settings.keyId(), settings.keySecret());
                    }
                })
                .build();
    }

    /** Creates a link; the reference is ours (the installment's id), the notes carry our ids too. */
    Link create(long amountPaise, String referenceId, String description, String customerName, String customerEmail,
            Map<String, String> notes) {
        requireConfigured();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("amount", amountPaise);
        body.put("currency", "INR");
        body.put("accept_partial", false);
        body.put("reference_id", referenceId);
        body.put("description", description.length() > 2048 ? description.substring(0, 2048) : description);
        Map<String, Object> customer = new java.util.LinkedHashMap<>();
        if (customerName != null) {
            customer.put("name", customerName);
        }
        if (customerEmail != null) {
            customer.put("email", customerEmail);
        }
        body.put("customer", customer);
        // The institute's own messages tell the student; Razorpay's would be a second copy.
        body.put("notify", Map.of("sms", false, "email", false));
        body.put("reminder_enable", false);
        body.put("notes", notes);
        try {
            JsonNode link = http.post().uri("/v1/payment_links").contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().body(JsonNode.class);
            return Link.of(link);
        } catch (RestClientException e) {
            throw unavailable(e);
        }
    }

    /** A link as Razorpay sees it now. */
    Optional<Link> fetch(String linkId) {
        requireConfigured();
        try {
            JsonNode link = http.get().uri("/v1/payment_links/{id}", linkId).retrieve()
                    .onStatus(s -> s.value() == 404, (req, res) -> {
                    })
                    .body(JsonNode.class);
            return link == null || link.path("id").isMissingNode() ? Optional.empty() : Optional.of(Link.of(link));
        } catch (RestClientException e) {
            throw unavailable(e);
        }
    }

    private void requireConfigured() {
        if (!settings.linksConfigured()) {
            throw Problems.raise(HttpStatus.SERVICE_UNAVAILABLE, Problems.type("online-payment-off"),
                    "Online payment is not set up", "Online payment is not set up for this institute: "
                            + "COACHOS_RAZORPAY_KEY_ID and COACHOS_RAZORPAY_KEY_SECRET are not configured");
        }
    }

    private static RuntimeException unavailable(RestClientException e) {
        log.warn("Razorpay call failed: {}", e.toString());
        return Problems.raise(HttpStatus.BAD_GATEWAY, Problems.type("payment-provider"), "Payment provider failed",
                "Razorpay could not be reached or refused the request; try again");
    }

    /** A payment link: its id, short URL, status (created, partially_paid, paid, expired, cancelled) and captured payments. */
    record Link(String id, String shortUrl, String status, long amountPaise, String referenceId,
            List<LinkPayment> payments) {

        static Link of(JsonNode node) {
            List<LinkPayment> payments = new ArrayList<>();
            for (JsonNode p : node.path("payments")) {
                payments.add(new LinkPayment(p.path("payment_id").asString(null), p.path("amount").asLong(),
                        p.path("method").asString(null), p.path("status").asString(null)));
            }
            return new Link(node.path("id").asString(null), node.path("short_url").asString(null),
                    node.path("status").asString(null), node.path("amount").asLong(),
                    node.path("reference_id").asString(null), payments);
        }
    }

    /** A payment made through a link. */
    record LinkPayment(String paymentId, long amountPaise, String method, String status) {
    }
}
