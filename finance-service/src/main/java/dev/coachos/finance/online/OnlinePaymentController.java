package dev.coachos.finance.online;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Online payment: payment links for installments (the student's own, or back office's), and
 * Razorpay's webhook, which carries no token: its signature is its proof.
 */
@RestController
class OnlinePaymentController {

    private final PaymentLinks links;
    private final RazorpayWebhooks webhooks;

    OnlinePaymentController(PaymentLinks links, RazorpayWebhooks webhooks) {
        this.links = links;
        this.webhooks = webhooks;
    }

    @PostMapping("/api/v1/installments/{id}/payment-link")
    @Operation(summary = "A Razorpay payment link for what is unpaid of an installment (the student's own, or back office's)")
    ResponseEntity<PaymentLinks.LinkView> create(@PathVariable UUID id) {
        PaymentLinks.LinkView link = links.create(id, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/installments/" + id + "/payment-links")).body(link);
    }

    @GetMapping("/api/v1/installments/{id}/payment-links")
    @Operation(summary = "An installment's payment links, newest first")
    List<PaymentLinks.LinkView> list(@PathVariable UUID id) {
        return links.ofInstallment(id, Caller.current());
    }

    @PostMapping(path = "/api/v1/webhooks/razorpay", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Razorpay's webhook (no token: X-Razorpay-Signature over the raw body); stored once by event id, applied in the background")
    ResponseEntity<Map<String, Object>> webhook(@RequestBody byte[] body,
            @RequestHeader(name = "X-Razorpay-Signature", required = false) String signature,
            @RequestHeader(name = "X-Razorpay-Event-Id", required = false) String eventId) {
        boolean fresh = webhooks.receive(body, signature, eventId);
        return ResponseEntity.ok(Map.of("received", true, "duplicate", !fresh));
    }
}
