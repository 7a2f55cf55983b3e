package dev.coachos.identity.branch;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.identity.branch.BranchAdministration.BranchUpdate;
import dev.coachos.identity.branch.BranchAdministration.BranchView;
import dev.coachos.identity.branch.BranchAdministration.NewBranch;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.PagingDefaults;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/** Branches: read with {@code read:branches}, opened and changed with {@code manage:branches}. */
@RestController
@RequestMapping("/api/v1/branches")
class BranchController {

    private final BranchAdministration administration;

    BranchController(BranchAdministration administration) {
        this.administration = administration;
    }

    @Operation(summary = "List branches")
    @GetMapping
    @PreAuthorize("@permissions.allow('read:branches')")
    PageResponse<BranchView> list(@PagingDefaults(size = 50) Paging paging) {
        return administration.list(paging);
    }

    @Operation(summary = "Read one branch")
    @GetMapping("/{id}")
    @PreAuthorize("@permissions.allow('read:branches')")
    BranchView get(@PathVariable UUID id) {
        return administration.get(id);
    }

    @Operation(summary = "Create a branch")
    @PostMapping
    @PreAuthorize("@permissions.allow('manage:branches')")
    ResponseEntity<BranchView> create(@Valid @RequestBody NewBranch request) {
        BranchView branch = administration.create(request);
        return ResponseEntity.created(URI.create("/api/v1/branches/" + branch.id())).body(branch);
    }

    @Operation(summary = "Change a branch's details or status")
    @PutMapping("/{id}")
    @PreAuthorize("@permissions.allow('manage:branches')")
    BranchView update(@PathVariable UUID id, @Valid @RequestBody BranchUpdate request) {
        return administration.update(id, request);
    }
}
