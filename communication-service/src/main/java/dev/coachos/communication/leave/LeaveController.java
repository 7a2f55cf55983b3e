package dev.coachos.communication.leave;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Leaves: requested with create:leaves, decided with manage:leaves for the requester's branch or by
 * the requester's reporting manager. Who may see or decide one is decided per leave ({@link Leaves}):
 * a stranger gets 404.
 */
@RestController
@RequestMapping("/api/v1/leaves")
class LeaveController {

    private final Leaves leaves;

    LeaveController(Leaves leaves) {
        this.leaves = leaves;
    }

    @PostMapping
    @PreAuthorize("@permissions.allow('create:leaves')")
    @Operation(summary = "Request leave: whole days, or one half day (AM or PM)")
    ResponseEntity<Leave> request(@Valid @RequestBody NewLeave leave) {
        Leave requested = leaves.request(leave, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/leaves/" + requested.id())).body(requested);
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Your own leaves and those of people reporting to you, or (manage:leaves) your branch's too; from/to keep those overlapping the range; sort by fromDate or createdAt")
    PageResponse<Leave> list(@RequestParam(required = false) Leave.Status status,
            @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean mine, Paging paging) {
        return leaves.list(new Leaves.Filter(status, userId, from, to, mine), Caller.current(), paging);
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One leave: your own, or one you may decide")
    Leave get(@PathVariable UUID id) {
        return leaves.get(id, Caller.current());
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Approve or reject a pending leave of your branch or of someone reporting to you (never your own)")
    Leave decide(@PathVariable UUID id, @Valid @RequestBody DecisionRequest decision) {
        return leaves.decide(id, decision.decision(), decision.note(), Caller.current());
    }

    @PostMapping("/{id}/cancellation")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Cancel your own pending or approved leave before it starts")
    Leave cancel(@PathVariable UUID id) {
        return leaves.cancel(id, Caller.current());
    }

    record DecisionRequest(@NotNull Leaves.Decision decision, @Size(max = 1000) String note) {
    }
}
