package dev.coachos.finance.payroll;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Payroll runs and salary slips: runs, approvals, payments, recalculations and amendments with
 * manage:payroll; read with read:payroll within branch reach; a person reads their own slips (JSON and PDF).
 */
@RestController
class PayrollController {

    private final PayrollRuns runs;
    private final SalarySlips slips;

    PayrollController(PayrollRuns runs, SalarySlips slips) {
        this.runs = runs;
        this.slips = slips;
    }

    @PostMapping("/api/v1/payroll-runs")
    @PreAuthorize("@permissions.allow('manage:payroll')")
    @Operation(summary = "Run a month's payroll for a branch (none: head office): 201 with its DRAFT slips, or 200 with the run already made")
    ResponseEntity<PayrollRun> run(@Valid @RequestBody NewRun request) {
        PayrollRuns.Outcome outcome = runs.run(request.month(), request.branchId(), Caller.current());
        if (outcome.created()) {
            return ResponseEntity.created(URI.create("/api/v1/payroll-runs/" + outcome.run().id())).body(outcome.run());
        }
        return ResponseEntity.ok(outcome.run());
    }

    @GetMapping("/api/v1/payroll-runs")
    @Operation(summary = "Payroll runs in the caller's reach, latest month first, with their totals")
    PageResponse<PayrollRun> runs(@RequestParam(required = false) UUID branchId,
            @RequestParam(required = false) String month, Paging paging) {
        return runs.list(branchId, month, Caller.current(), paging);
    }

    @GetMapping("/api/v1/payroll-runs/{id}")
    @Operation(summary = "A payroll run: people, gross, deductions and net in all and by status, and who was skipped")
    PayrollRun getRun(@PathVariable UUID id) {
        return runs.get(id, Caller.current());
    }

    @PostMapping("/api/v1/payroll-runs/{id}/slips")
    @PreAuthorize("@permissions.allow('manage:payroll')")
    @Operation(summary = "Add the DRAFT slip of a person the run has none of (given a structure after the run, or skipped and since put right)")
    ResponseEntity<SalarySlip> addSlip(@PathVariable UUID id, @Valid @RequestBody NewSlip request) {
        SalarySlip created = slips.addToRun(id, request.personId(), Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/salary-slips/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/salary-slips")
    @Operation(summary = "Salary slips in the caller's reach (a person's own), latest month first")
    PageResponse<SalarySlip> slips(@RequestParam(required = false) UUID personId,
            @RequestParam(required = false) UUID branchId, @RequestParam(required = false) String month,
            @RequestParam(required = false) String status, @RequestParam(required = false) UUID runId,
            Paging paging) {
        return slips.list(personId, branchId, month, status, runId, Caller.current(), paging);
    }

    @GetMapping(path = "/api/v1/salary-slips/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A salary slip: days, lines, gross, deductions, net and net in words, status and amendments")
    SalarySlip slip(@PathVariable UUID id) {
        return slips.get(id, Caller.current());
    }

    @GetMapping(path = "/api/v1/salary-slips/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A salary slip as an A4 PDF (Accept: application/pdf)")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        byte[] pdf = slips.pdf(id, Caller.current());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"salary-slip-" + id + ".pdf\"").body(pdf);
    }

    @PostMapping("/api/v1/salary-slips/{id}/approval")
    @PreAuthorize("@permissions.allow('manage:payroll')")
    @Operation(summary = "Approve a DRAFT slip for payment")
    SalarySlip approve(@PathVariable UUID id) {
        return slips.approve(id, Caller.current());
    }

    @PostMapping("/api/v1/salary-slips/{id}/payment")
    @PreAuthorize("@permissions.allow('manage:payroll')")
    @Operation(summary = "Record that an APPROVED slip was paid: method, reference (not for cash), the day paid")
    SalarySlip pay(@PathVariable UUID id, @Valid @RequestBody Payment payment) {
        return slips.pay(id, payment.method(), payment.reference(), payment.paidOn(), Caller.current());
    }

    @PostMapping("/api/v1/salary-slips/{id}/recalculation")
    @PreAuthorize("@permissions.allow('manage:payroll')")
    @Operation(summary = "Recompute a DRAFT slip from the current structure and batches")
    SalarySlip recalculate(@PathVariable UUID id) {
        return slips.recalculate(id, Caller.current());
    }

    @PostMapping("/api/v1/salary-slips/{id}/amendment")
    @PreAuthorize("@permissions.allow('manage:payroll')")
    @Operation(summary = "Correct an APPROVED (replaced, cancelled) or PAID (kept; the new slip holds the difference) slip with a new DRAFT slip")
    ResponseEntity<SalarySlip> amend(@PathVariable UUID id, @Valid @RequestBody Amendment amendment) {
        SalarySlip created = slips.amend(id, amendment.reason(), amendment.lines(), Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/salary-slips/" + created.id())).body(created);
    }

    record NewSlip(UUID personId) {
    }

    record NewRun(@NotBlank @Size(max = 7) String month, UUID branchId) {
    }

    record Payment(@NotBlank @Size(max = 16) String method, @Size(max = 60) String reference, LocalDate paidOn) {
    }

    record Amendment(@NotBlank @Size(max = 300) String reason, @Size(max = 40) List<SalarySlips.Correction> lines) {
    }
}
