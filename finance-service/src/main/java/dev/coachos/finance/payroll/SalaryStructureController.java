package dev.coachos.finance.payroll;

import java.time.LocalDate;
import java.util.UUID;

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
import jakarta.validation.constraints.NotNull;

/**
 * Salary structures: set up and ended with manage:payroll, read with read:payroll within branch reach;
 * a person reads their own.
 */
@RestController
class SalaryStructureController {

    private final SalaryStructures structures;

    SalaryStructureController(SalaryStructures structures) {
        this.structures = structures;
    }

    @PostMapping("/api/v1/salary-structures")
    @PreAuthorize("@permissions.allow('manage:payroll')")
    @Operation(summary = "Set up a person's salary structure from a day; one overlapping another of theirs is a 409")
    ResponseEntity<SalaryStructure> create(@Valid @RequestBody NewSalaryStructure request) {
        SalaryStructure created = structures.create(request, Caller.current());
        return ResponseEntity.created(java.net.URI.create("/api/v1/salary-structures/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/salary-structures")
    @Operation(summary = "Salary structures in the caller's reach (a person's own), latest start first; on: in effect that day")
    PageResponse<SalaryStructure> list(@RequestParam(required = false) UUID personId,
            @RequestParam(required = false) UUID branchId, @RequestParam(required = false) LocalDate on,
            Paging paging) {
        return structures.list(personId, branchId, on, Caller.current(), paging);
    }

    @GetMapping("/api/v1/salary-structures/{id}")
    @Operation(summary = "A salary structure with its components")
    SalaryStructure get(@PathVariable UUID id) {
        return structures.get(id, Caller.current());
    }

    @PostMapping("/api/v1/salary-structures/{id}/end")
    @PreAuthorize("@permissions.allow('manage:payroll')")
    @Operation(summary = "End an open-ended structure on a day (not before its start, nor inside a month already approved or paid)")
    SalaryStructure end(@PathVariable UUID id, @Valid @RequestBody End end) {
        return structures.end(id, end.effectiveTo(), Caller.current());
    }

    record End(@NotNull LocalDate effectiveTo) {
    }
}
