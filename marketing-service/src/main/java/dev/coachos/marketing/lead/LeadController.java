package dev.coachos.marketing.lead;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/** Leads, their activities and their moves along the pipeline: read:leads to read, manage:leads to change, within branch reach. */
@RestController
@RequestMapping("/api/v1/leads")
class LeadController {

    private final Leads leads;

    LeadController(Leads leads) {
        this.leads = leads;
    }

    @PostMapping
    @PreAuthorize("@permissions.allow('manage:leads')")
    @Operation(summary = "Add a lead (409 naming the open lead of the branch with the same phone, unless ifDuplicate is ADD_ACTIVITY)")
    ResponseEntity<Lead> create(@Valid @RequestBody NewLead lead) {
        Leads.Saved saved = leads.create(lead, Caller.current());
        if (!saved.created()) {
            return ResponseEntity.ok(saved.lead());
        }
        return ResponseEntity.created(URI.create("/api/v1/leads/" + saved.lead().id())).body(saved.lead());
    }

    @GetMapping
    @PreAuthorize("@permissions.allow('read:leads')")
    @Operation(summary = "List leads in your reach: filter by stage, source, branch, assignee (me, none or an id), campaign, overdue; search q by name, e-mail or phone")
    PageResponse<Lead> list(@RequestParam(required = false) Stage stage,
            @RequestParam(required = false) Source source,
            @RequestParam(required = false) UUID branchId,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String q,
            Paging paging) {
        Caller caller = Caller.current();
        UUID assigneeId = null;
        boolean unassigned = false;
        if (assignee != null && !assignee.isBlank()) {
            if (assignee.equals("me")) {
                assigneeId = caller.userId();
            } else if (assignee.equals("none")) {
                unassigned = true;
            } else {
                try {
                    assigneeId = UUID.fromString(assignee);
                } catch (IllegalArgumentException e) {
                    throw Problems.invalidField("assignee", "must be me, none or a user's id");
                }
            }
        }
        return leads.list(new Leads.Filter(stage, source, branchId, assigneeId, unassigned, campaignId, overdue, q),
                caller, paging);
    }

    @GetMapping("/follow-ups/overdue")
    @PreAuthorize("@permissions.allow('read:leads')")
    @Operation(summary = "Count open leads past their follow-up per assignee (unassigned ones under a null assignee)")
    List<Leads.OverdueCount> overdue(@RequestParam(required = false) UUID branchId) {
        return leads.overdueByAssignee(Caller.current(), branchId);
    }

    @GetMapping("/{id}")
    @PreAuthorize("@permissions.allow('read:leads')")
    @Operation(summary = "Read a lead")
    Lead one(@PathVariable UUID id) {
        return leads.get(id, Caller.current());
    }

    @PatchMapping("/{id}")
    @PreAuthorize("@permissions.allow('manage:leads')")
    @Operation(summary = "Change an open lead's details (send the version you read)")
    Lead change(@PathVariable UUID id, @Valid @RequestBody LeadChange change) {
        return leads.change(id, change, Caller.current());
    }

    @PostMapping("/{id}/stage")
    @PreAuthorize("@permissions.allow('manage:leads')")
    @Operation(summary = "Move a lead forward along the pipeline, or to LOST with a reason")
    Lead move(@PathVariable UUID id, @Valid @RequestBody StageMove move) {
        return leads.move(id, move.stage(), move.reason(), move.nextFollowUpAt(), Caller.current());
    }

    @PostMapping("/{id}/activities")
    @PreAuthorize("@permissions.allow('manage:leads')")
    @Operation(summary = "Record a call, e-mail, meeting, note or WhatsApp message with a lead, and optionally its next follow-up")
    ResponseEntity<Activity> addActivity(@PathVariable UUID id, @Valid @RequestBody NewActivity activity) {
        Activity recorded = leads.addActivity(id, activity, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/leads/" + id + "/activities/" + recorded.id()))
                .body(recorded);
    }

    @GetMapping("/{id}/activities")
    @PreAuthorize("@permissions.allow('read:leads')")
    @Operation(summary = "A lead's history, newest first: activities, stage moves, repeated enquiries, the conversion's steps")
    PageResponse<Activity> activities(@PathVariable UUID id, Paging paging) {
        return leads.activities(id, Caller.current(), paging);
    }
}
