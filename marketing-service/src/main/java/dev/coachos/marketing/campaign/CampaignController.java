package dev.coachos.marketing.campaign;

import java.net.URI;
import java.time.LocalDate;
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
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Campaigns: run by marketing staff (manage:campaigns) for their branch, by those who see every
 * branch for any branch and for head office; read (read:campaigns) by staff of the branch, with
 * head office's campaigns; and the campaign report.
 */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

    private final Campaigns campaigns;
    private final CampaignReport report;

    CampaignController(Campaigns campaigns, CampaignReport report) {
        this.campaigns = campaigns;
        this.report = report;
    }

    @PostMapping
    @PreAuthorize("@permissions.allow('manage:campaigns')")
    @Operation(summary = "Make a DRAFT campaign for your branch (or, seeing every branch, for any branch or head office)")
    ResponseEntity<Campaign> create(@Valid @RequestBody NewCampaign campaign) {
        Campaign created = campaigns.create(campaign, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + created.id())).body(created);
    }

    @GetMapping
    @PreAuthorize("@permissions.allow('read:campaigns')")
    @Operation(summary = "List the campaigns of your branch and head office, newest first; filter by status, channel, branch or a text in the name")
    PageResponse<Campaign> list(@RequestParam(required = false) Campaign.Status status,
            @RequestParam(required = false) Channel channel, @RequestParam(required = false) UUID branchId,
            @RequestParam(required = false) @Size(max = 150) String q, Paging paging) {
        return campaigns.list(new Campaigns.Filter(status, channel, branchId, q), Caller.current(), paging);
    }

    @GetMapping("/report")
    @PreAuthorize("@permissions.allow('read:campaigns')")
    @Operation(summary = "Leads, conversions, spend, cost per lead and conversion, fees and return on spend per campaign and lead source, between two days (by default the last 30)")
    Report report(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) UUID branchId) {
        return report.report(from, to, branchId, Caller.current());
    }

    @GetMapping("/{id}")
    @PreAuthorize("@permissions.allow('read:campaigns')")
    @Operation(summary = "Read a campaign with its spend total and lead count")
    Campaign one(@PathVariable UUID id) {
        return campaigns.get(id, Caller.current());
    }

    @PatchMapping("/{id}")
    @PreAuthorize("@permissions.allow('manage:campaigns')")
    @Operation(summary = "Change a campaign that is not COMPLETED (give the version you read)")
    Campaign change(@PathVariable UUID id, @Valid @RequestBody CampaignChange change) {
        return campaigns.change(id, change, Caller.current());
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("@permissions.allow('manage:campaigns')")
    @Operation(summary = "Move a campaign: DRAFT to SCHEDULED or ACTIVE, SCHEDULED to ACTIVE, ACTIVE and PAUSED to each other or to COMPLETED")
    Campaign status(@PathVariable UUID id, @Valid @RequestBody StatusChange change) {
        return campaigns.changeStatus(id, change.status(), Caller.current());
    }

    @PostMapping("/{id}/spend")
    @PreAuthorize("@permissions.allow('manage:campaigns')")
    @Operation(summary = "Enter money spent on a campaign")
    ResponseEntity<SpendEntry> spend(@PathVariable UUID id, @Valid @RequestBody NewSpend spend) {
        SpendEntry entry = campaigns.spend(id, spend, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/spend/" + entry.id())).body(entry);
    }

    @GetMapping("/{id}/spend")
    @PreAuthorize("@permissions.allow('read:campaigns')")
    @Operation(summary = "List a campaign's spend entries and their reversals, latest day first")
    PageResponse<SpendEntry> spendOf(@PathVariable UUID id, Paging paging) {
        return campaigns.spendOf(id, Caller.current(), paging);
    }

    @PostMapping("/{id}/spend/{spendId}/reversal")
    @PreAuthorize("@permissions.allow('manage:campaigns')")
    @Operation(summary = "Reverse a spend entry made in error by a negative entry naming it (once; nothing is deleted)")
    ResponseEntity<SpendEntry> reverse(@PathVariable UUID id, @PathVariable UUID spendId,
            @Valid @RequestBody Reversal reversal) {
        SpendEntry entry = campaigns.reverse(id, spendId, reversal.reason(), Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/spend/" + entry.id())).body(entry);
    }

    /** The status a campaign moves to. */
    record StatusChange(@NotNull Campaign.Status status) {
    }

    /** Why a spend entry is reversed. */
    record Reversal(@NotBlank @Size(max = 500) String reason) {
    }
}
