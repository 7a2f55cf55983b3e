package dev.coachos.identity.branch;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.platform.data.PageRequests;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The institute's branches: listed for staff who may read them, opened and changed by those who manage them. */
@Service
public class BranchAdministration {

    private static final Sorting SORTING = Sorting.of(Map.of("code", "code", "name", "name", "city", "city",
            "createdAt", "createdAt"), "code", "id");

    private final Branches branches;

    BranchAdministration(Branches branches) {
        this.branches = branches;
    }

    @Transactional(readOnly = true)
    public PageResponse<BranchView> list(Paging paging) {
        return PageResponse.of(branches.findAll(PageRequests.of(paging, SORTING)), BranchView::of);
    }

    @Transactional(readOnly = true)
    public BranchView get(UUID id) {
        return BranchView.of(branches.findById(id).orElseThrow(() -> Problems.notFound("branch", id)));
    }

    /** Opens a branch; its code is unique whatever the case. */
    @Transactional
    public BranchView create(NewBranch request) {
        if (branches.existsByCode(request.code())) {
            throw Problems.conflict("A branch with code " + request.code() + " exists already");
        }
        Branch branch = new Branch(request.code(), request.name());
        branch.describe(request.name(), request.address(), request.city(), request.state(), request.phone(),
                request.email());
        branches.saveAndFlush(branch);
        return BranchView.of(branch);
    }

    @Transactional
    public BranchView update(UUID id, BranchUpdate request) {
        Branch branch = branches.findById(id).orElseThrow(() -> Problems.notFound("branch", id));
        branch.describe(request.name(), request.address(), request.city(), request.state(), request.phone(),
                request.email());
        if (request.active() != null) {
            branch.setActive(request.active());
        }
        branches.saveAndFlush(branch);
        return BranchView.of(branch);
    }

    /** A branch to open. */
    public record NewBranch(
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and dashes only") String code,
            @NotBlank @Size(max = 120) String name,
            @Size(max = 500) String address,
            @Size(max = 80) String city,
            @Size(max = 80) String state,
            @Size(max = 20) @Pattern(regexp = "\\+?[0-9 -]{6,19}", message = "is not a phone number") String phone,
            @Email @Size(max = 254) String email) {
    }

    /** A branch's details after a change; {@code active} absent keeps it as it is. */
    public record BranchUpdate(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 500) String address,
            @Size(max = 80) String city,
            @Size(max = 80) String state,
            @Size(max = 20) @Pattern(regexp = "\\+?[0-9 -]{6,19}", message = "is not a phone number") String phone,
            @Email @Size(max = 254) String email,
            Boolean active) {
    }

    /** A branch as the API shows it. */
    public record BranchView(UUID id, String code, String name, String address, String city, String state, String phone,
            String email, boolean active, Instant createdAt) {

        static BranchView of(Branch b) {
            return new BranchView(b.getId(), b.getCode(), b.getName(), b.getAddress(), b.getCity(), b.getState(),
                    b.getPhone(), b.getEmail(), b.isActive(), b.getCreatedAt());
        }
    }
}
