package dev.coachos.finance.receipt;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;

/** Receipts and tax invoices, as JSON and as PDF: the student's own, their branch's for staff. */
@RestController
class ReceiptController {

    private final Receipts receipts;

    ReceiptController(Receipts receipts) {
        this.receipts = receipts;
    }

    @GetMapping("/api/v1/receipts")
    @Operation(summary = "Receipts in the caller's reach (a student's own), newest first; lines are in each receipt")
    PageResponse<Receipt> list(@RequestParam(required = false) UUID studentId,
            @RequestParam(required = false) UUID branchId, Paging paging) {
        return receipts.list(studentId, branchId, Caller.current(), paging);
    }

    @GetMapping(path = "/api/v1/receipts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A receipt or tax invoice: its lines and tax, the amount in words, the balance pending after it")
    Receipt get(@PathVariable UUID id) {
        return receipts.get(id, Caller.current());
    }

    @GetMapping(path = "/api/v1/receipts/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A receipt or tax invoice as a PDF (Accept: application/pdf)")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        byte[] pdf = receipts.pdf(id, Caller.current());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"receipt-" + id + ".pdf\"")
                .body(pdf);
    }
}
