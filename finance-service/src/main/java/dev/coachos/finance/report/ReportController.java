package dev.coachos.finance.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The finance reports and their drill-downs (read:reports, within branch reach; the two that list each
 * person's pay, the slips and a batch's pay lines, also read:payroll). Each answers JSON, or
 * the same rows as CSV for {@code Accept: text/csv} or {@code ?format=csv} (a drill-down: the page asked
 * for), offered as a file named after the report.
 */
@RestController
@PreAuthorize("@permissions.allow('read:reports')")
class ReportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/collections")
    @Operation(summary = "Money received from..to (at most 366 days) grouped by day, month, branch or method; reversed payments count nothing")
    ResponseEntity<?> reportCollections(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) UUID branchId, @RequestParam(defaultValue = "false") boolean headOffice,
            @RequestParam(required = false) String format, @RequestHeader(name = "Accept", required = false) String accept) {
        Reports.CollectionsReport report = reports.collections(from, to, groupBy, branchId, headOffice, Caller.current());
        return answer(report, csv(format, accept) ? report.table() : null);
    }

    @GetMapping("/api/v1/reports/collections/payments")
    @Operation(summary = "The payments behind a collections figure (a day, or from..to; a branch, a method), oldest first, with their count and sum")
    ResponseEntity<?> reportCollectionPayments(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String day,
            @RequestParam(required = false) UUID branchId, @RequestParam(defaultValue = "false") boolean headOffice,
            @RequestParam(required = false) String method, Paging paging,
            @RequestParam(required = false) String format, @RequestHeader(name = "Accept", required = false) String accept) {
        Reports.Listing<Reports.PaymentRow> listing = reports.collectionPayments(from, to, day, branchId, headOffice,
                method, Caller.current(), paging);
        return drillDown(listing, "collection-payments", Reports.PaymentRow.HEADER, format, accept);
    }

    @GetMapping("/api/v1/reports/dues")
    @Operation(summary = "What is owed per branch on asOf (today unless given): pending, overdue, not yet due, 1-30, 31-60, 61-90, over 90 days past due")
    ResponseEntity<?> reportDues(@RequestParam(required = false) UUID branchId,
            @RequestParam(defaultValue = "false") boolean headOffice, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String format, @RequestHeader(name = "Accept", required = false) String accept) {
        Reports.DuesReport report = reports.dues(branchId, headOffice, asOf, Caller.current());
        return answer(report, csv(format, accept) ? report.table() : null);
    }

    @GetMapping("/api/v1/reports/dues/installments")
    @Operation(summary = "The open installments behind a dues bucket (PENDING, OVERDUE, NOT_DUE, DAYS_1_30, DAYS_31_60, DAYS_61_90, OVER_90), oldest due first")
    ResponseEntity<?> reportDuesInstallments(@RequestParam(required = false) UUID branchId,
            @RequestParam(defaultValue = "false") boolean headOffice, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String bucket, Paging paging,
            @RequestParam(required = false) String format, @RequestHeader(name = "Accept", required = false) String accept) {
        Reports.Listing<Reports.InstallmentRow> listing = reports.duesInstallments(branchId, headOffice, asOf, bucket,
                Caller.current(), paging);
        return drillDown(listing, "dues-installments", Reports.InstallmentRow.HEADER, format, accept);
    }

    @GetMapping("/api/v1/reports/batches")
    @Operation(summary = "Each batch's month: fees received, teacher pay (approved and paid slips), prorated overhead, margin")
    ResponseEntity<?> reportBatches(@RequestParam(required = false) String month,
            @RequestParam(required = false) UUID branchId, @RequestParam(defaultValue = "false") boolean headOffice,
            @RequestParam(required = false) String format, @RequestHeader(name = "Accept", required = false) String accept) {
        Reports.BatchReport report = reports.batches(month, branchId, headOffice, Caller.current());
        return answer(report, csv(format, accept) ? report.table() : null);
    }

    @GetMapping("/api/v1/reports/batches/{batchId}/payments")
    @Operation(summary = "The payments behind a batch's fees in a month, each with what it allocated to the batch")
    ResponseEntity<?> reportBatchPayments(@PathVariable UUID batchId, @RequestParam(required = false) String month,
            Paging paging, @RequestParam(required = false) String format,
            @RequestHeader(name = "Accept", required = false) String accept) {
        Reports.Listing<Reports.BatchPaymentRow> listing = reports.batchPayments(batchId, month, Caller.current(), paging);
        return drillDown(listing, "batch-payments-" + month, Reports.BatchPaymentRow.HEADER, format, accept);
    }

    @GetMapping("/api/v1/reports/batches/{batchId}/pay-lines")
    @Operation(summary = "The salary slip lines behind a batch's teacher pay in a month (approved and paid slips; draft=true: drafts); also needs read:payroll")
    ResponseEntity<?> reportBatchPayLines(@PathVariable UUID batchId, @RequestParam(required = false) String month,
            @RequestParam(defaultValue = "false") boolean draft, Paging paging,
            @RequestParam(required = false) String format, @RequestHeader(name = "Accept", required = false) String accept) {
        Reports.Listing<Reports.PayLineRow> listing = reports.batchPayLines(batchId, month, draft, Caller.current(),
                paging);
        return drillDown(listing, "batch-pay-lines-" + month, Reports.PayLineRow.HEADER, format, accept);
    }

    @GetMapping("/api/v1/reports/branches")
    @Operation(summary = "Each branch's month: income received, salaries (gross of approved and paid slips), counted expenses, net")
    ResponseEntity<?> reportBranches(@RequestParam(required = false) String month,
            @RequestParam(required = false) UUID branchId, @RequestParam(defaultValue = "false") boolean headOffice,
            @RequestParam(required = false) String format, @RequestHeader(name = "Accept", required = false) String accept) {
        Reports.BranchReport report = reports.branches(month, branchId, headOffice, Caller.current());
        return answer(report, csv(format, accept) ? report.table() : null);
    }

    @GetMapping("/api/v1/reports/expenses")
    @Operation(summary = "The counted expenses spent from..to (a branch, a category), oldest first, with their sum")
    ResponseEntity<?> reportExpenses(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) UUID branchId,
            @RequestParam(defaultValue = "false") boolean headOffice, @RequestParam(required = false) String category,
            Paging paging,
            @RequestParam(required = false) String format, @RequestHeader(name = "Accept", required = false) String accept) {
        Reports.Listing<Reports.ExpenseRow> listing = reports.expenses(from, to, branchId, headOffice, category, Caller.current(),
                paging);
        return drillDown(listing, "expenses", Reports.ExpenseRow.HEADER, format, accept);
    }

    @GetMapping("/api/v1/reports/payroll")
    @Operation(summary = "The payroll's cost per month from..to (yyyy-MM, at most 24 months): people, gross, deductions, net, paid, unpaid")
    ResponseEntity<?> reportPayroll(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) UUID branchId,
            @RequestParam(defaultValue = "false") boolean headOffice, @RequestParam(required = false) String format,
            @RequestHeader(name = "Accept", required = false) String accept) {
        Reports.PayrollReport report = reports.payroll(from, to, branchId, headOffice, Caller.current());
        return answer(report, csv(format, accept) ? report.table() : null);
    }

    @GetMapping("/api/v1/reports/slips")
    @Operation(summary = "The salary slips of a month behind a payroll or branch figure, by status (default APPROVED,PAID); also needs read:payroll")
    ResponseEntity<?> reportSlips(@RequestParam(required = false) String month,
            @RequestParam(required = false) UUID branchId, @RequestParam(defaultValue = "false") boolean headOffice,
            @RequestParam(required = false) String status, Paging paging,
            @RequestParam(required = false) String format, @RequestHeader(name = "Accept", required = false) String accept) {
        Reports.Listing<Reports.SlipRow> listing = reports.slips(month, branchId, headOffice, status, Caller.current(),
                paging);
        return drillDown(listing, "slips-" + month, Reports.SlipRow.HEADER, format, accept);
    }

    private static ResponseEntity<?> drillDown(Reports.Listing<? extends Reports.CsvRow> listing, String name,
            List<String> header, String format, String accept) {
        return answer(listing, csv(format, accept) ? Reports.table(name + "-page-" + listing.page().number(), header,
                listing) : null);
    }

    /** CSV when asked for by {@code format=csv} or an Accept header naming text/csv; JSON otherwise. */
    private static boolean csv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw Problems.invalidField("format", "must be json or csv");
            };
        }
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv");
    }

    private static ResponseEntity<?> answer(Object json, Csv.Table table) {
        if (table == null) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(table.filename()).build().toString())
                .body(Csv.write(table));
    }
}
