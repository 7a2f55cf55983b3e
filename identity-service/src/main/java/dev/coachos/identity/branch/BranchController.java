package dev.coachos.identity.branch;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/branches")
@Validated
class BranchController {

    private final Branches branches;

    BranchController(Branches branches) {
        this.branches = branches;
    }

    @GetMapping
    @PreAuthorize("@permissions.allow('read:branches')")
    PageResponse<BranchView> list(@PageableDefault(size = 50, sort = "code") Pageable pageable) {
        return PageResponse.of(branches.findAll(pageable), BranchView::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize("@permissions.allow('read:branches')")
    BranchView get(@PathVariable UUID id) {
        return BranchView.of(branches.findById(id).orElseThrow(() -> Problems.notFound("branch", id)));
    }

    @PostMapping
    @PreAuthorize("@permissions.allow('manage:branches')")
    @Transactional
    ResponseEntity<BranchView> create(@Valid @RequestBody NewBranch request) {
        if (branches.existsByCode(request.code())) {
            throw Problems.conflict("A branch with code " + request.code() + " exists already");
        }
        Branch branch = new Branch(request.code(), request.name());
        branch.describe(request.name(), request.address(), request.city(), request.state(), request.phone(),
                request.email());
        branches.saveAndFlush(branch);
        return ResponseEntity.created(URI.create("/api/v1/branches/" + branch.getId())).body(BranchView.of(branch));
    }

    @PutMapping("/{id}")
    @PreAuthorize("@permissions.allow('manage:branches')")
    @Transactional
    BranchView update(@PathVariable UUID id, @Valid @RequestBody BranchUpdate request) {
        Branch branch = branches.findById(id).orElseThrow(() -> Problems.notFound("branch", id));
        branch.describe(request.name(), request.address(), request.city(), request.state(), request.phone(),
                request.email());
        if (request.active() != null) {
            branch.setActive(request.active());
        }
        branches.saveAndFlush(branch);
        return BranchView.of(branch);
    }

    record NewBranch(
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and dashes only") String code,
            @NotBlank @Size(max = 120) String name,
            @Size(max = 500) String address,
            @Size(max = 80) String city,
            @Size(max = 80) String state,
            @Size(max = 20) @Pattern(regexp = "\\+?[0-9 -]{6,19}", message = "is not a phone number") String phone,
            @Email @Size(max = 254) String email) {
    }

    record BranchUpdate(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 500) String address,
            @Size(max = 80) String city,
            @Size(max = 80) String state,
            @Size(max = 20) @Pattern(regexp = "\\+?[0-9 -]{6,19}", message = "is not a phone number") String phone,
            @Email @Size(max = 254) String email,
            Boolean active) {
    }

    record BranchView(UUID id, String code, String name, String address, String city, String state, String phone,
            String email, boolean active, Instant createdAt) {

        static BranchView of(Branch b) {
            return new BranchView(b.getId(), b.getCode(), b.getName(), b.getAddress(), b.getCity(), b.getState(),
                    b.getPhone(), b.getEmail(), b.isActive(), b.getCreatedAt());
        }
    }
}
