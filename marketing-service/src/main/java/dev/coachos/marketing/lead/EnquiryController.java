package dev.coachos.marketing.lead;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/**
 * The website's enquiry form: no token (the gateway limits each address strictly). The answer is the
 * same whether a lead was made, the person's open lead got an ENQUIRY activity, or a bot was dropped.
 */
@RestController
class EnquiryController {

    private static final Logger log = LoggerFactory.getLogger(EnquiryController.class);

    private final Leads leads;

    EnquiryController(Leads leads) {
        this.leads = leads;
    }

    @PostMapping("/api/v1/enquiries")
    @Operation(summary = "Send an enquiry from the website (no token): it becomes a WEBSITE lead, or an activity on the person's open lead")
    ResponseEntity<Map<String, Object>> enquire(@Valid @RequestBody Enquiry enquiry) {
        if (enquiry.isFromABot()) {
            log.info("An enquiry with the honeypot field filled in was dropped");
        } else {
            leads.enquire(enquiry);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("received", true, "message", "Thank you: we will call you soon."));
    }
}
