package dev.coachos.communication.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

/** The providers' status webhooks: public paths, each proving itself its own way. */
@RestController
class WebhookController {

    private final ProviderWebhooks webhooks;

    WebhookController(ProviderWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/api/v1/webhooks/whatsapp")
    @Operation(summary = "WhatsApp's subscription handshake (no token): the challenge back when hub.verify_token is ours, else 403")
    ResponseEntity<String> handshake(@RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String verifyToken,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .body(webhooks.handshake(mode, verifyToken, challenge));
    }

    @PostMapping(path = "/api/v1/webhooks/whatsapp", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "WhatsApp's status webhook (no token: X-Hub-Signature-256 over the raw body); statuses applied forward only")
    Map<String, Object> whatsapp(@RequestBody byte[] body,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature) {
        return Map.of("received", true, "moved", webhooks.whatsapp(body, signature));
    }

    @PostMapping(path = "/api/v1/webhooks/sms", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "The SMS provider's delivery reports (no token: ?token= must be COACHOS_SMS_WEBHOOK_TOKEN); applied forward only")
    Map<String, Object> sms(@RequestBody(required = false) byte[] body, @RequestParam(required = false) String token,
            HttpServletRequest request) {
        byte[] report = body;
        if (report == null || report.length == 0) {
            // A form post's fields were read as parameters before the body reached us.
            String data = request.getParameter("data");
            report = data == null ? new byte[0] : data.getBytes(StandardCharsets.UTF_8);
        }
        return Map.of("received", true, "moved", webhooks.sms(report, token));
    }
}
