package dev.coachos.audit.trail;

import java.time.Instant;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * The audit trail, read-only, for holders of {@code read:audit}; those who do not see every branch
 * read their own branch's records only.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditTrail trail;
    private final ChainVerification verification;

    AuditController(AuditTrail trail, ChainVerification verification) {
        this.trail = trail;
        this.verification = verification;
    }

    @GetMapping
    @PreAuthorize("@permissions.allow('read:audit')")
    @Operation(summary = "Search the audit trail, newest first",
            description = "Every filter is optional; those given all apply. Sort by recordedAt (default, newest "
                    + "first) or occurredAt.")
    PageResponse<AuditRecord> search(
            @Parameter(description = "The kind of entity, such as Enrollment; needed with entityId")
            @RequestParam(required = false) String entityType,
            @Parameter(description = "The entity's id") @RequestParam(required = false) String entityId,
            @Parameter(description = "The user who acted") @RequestParam(required = false) UUID actor,
            @Parameter(description = "The branch the event names") @RequestParam(required = false) UUID branch,
            @Parameter(description = "The event's type, such as EnrollmentCreated")
            @RequestParam(required = false) String action,
            @Parameter(description = "The service the event came from, such as enrollment-service")
            @RequestParam(required = false) String source,
            @Parameter(description = "Recorded at or after this instant (ISO-8601)")
            @RequestParam(required = false) Instant from,
            @Parameter(description = "Recorded before this instant (ISO-8601)")
            @RequestParam(required = false) Instant to,
            Paging paging) {
        return trail.search(new AuditQuery(entityType, entityId, actor, branch, action, source, from, to),
                Caller.current(), paging);
    }

    @GetMapping("/verify")
    @PreAuthorize("@permissions.allow('read:audit')")
    @Operation(summary = "Recompute the hash chains and say whether they are intact",
            description = "Over every record, or those recorded in [from, to). When a chain breaks, firstBroken "
                    + "names the first record where it does and why. One request checks what its budget allows "
                    + "(coachos.audit.verify: 5 s, a million records); when that is not the whole "
                    + "range, complete is false and asking again with from=continueFrom checks the rest.")
    Verification verify(
            @Parameter(description = "Check records recorded at or after this instant (ISO-8601)")
            @RequestParam(required = false) Instant from,
            @Parameter(description = "Check records recorded before this instant (ISO-8601)")
            @RequestParam(required = false) Instant to) {
        return verification.verify(from, to);
    }

    @GetMapping("/{id}")
    @PreAuthorize("@permissions.allow('read:audit')")
    @Operation(summary = "One audit record")
    AuditRecord one(@PathVariable UUID id) {
        return trail.one(id, Caller.current());
    }
}
