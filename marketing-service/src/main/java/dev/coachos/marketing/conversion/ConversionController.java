package dev.coachos.marketing.conversion;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/** A lead's conversion into a student of a batch: manage:leads to start it, read:leads to follow it. */
@RestController
@RequestMapping("/api/v1/leads/{id}/conversion")
class ConversionController {

    private final Conversions conversions;

    ConversionController(Conversions conversions) {
        this.conversions = conversions;
    }

    @PostMapping
    @PreAuthorize("@permissions.allow('manage:leads')")
    @Operation(summary = "Convert a lead into a student of a batch (202; a retried request answers the attempt under way with 200)")
    ResponseEntity<Conversion> convert(@PathVariable UUID id, @Valid @RequestBody ConversionRequest request) {
        Conversions.Requested requested = conversions.request(id, request, Caller.current());
        return ResponseEntity.status(requested.started() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/v1/leads/" + id + "/conversion"))
                .body(requested.conversion());
    }

    @PostMapping("/cancellation")
    @PreAuthorize("@permissions.allow('manage:leads')")
    @Operation(summary = "Give up the conversion under way while it waits for the account or the enrollment (it FAILS as CANCELLED)")
    Conversion cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) Cancellation cancellation) {
        return conversions.cancel(id, cancellation == null ? null : cancellation.reason(), Caller.current());
    }

    /** Why staff give up a conversion. */
    record Cancellation(@jakarta.validation.constraints.Size(max = 300) String reason) {
    }

    @GetMapping
    @PreAuthorize("@permissions.allow('read:leads')")
    @Operation(summary = "How far the lead's latest conversion got: REQUESTED, ACCOUNT_READY, ENROLLED, FEE_PLAN_RAISED or FAILED with the reason")
    Conversion latest(@PathVariable UUID id) {
        return conversions.latest(id, Caller.current());
    }
}
