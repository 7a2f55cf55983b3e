package dev.coachos.identity.branch;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.coachos.events.identity.BranchOpened;
import dev.coachos.events.identity.BranchUpdated;
import dev.coachos.identity.GstStateCode;
import dev.coachos.identity.IdentityEvents;

import dev.coachos.platform.data.PageRequests;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.india.Gstin;
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
    private final IdentityEvents events;

    BranchAdministration(Branches branches, IdentityEvents events) {
        this.branches = branches;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public PageResponse<BranchView> list(Paging paging) {
        return PageResponse.of(branches.findAll(PageRequests.of(paging, SORTING)), BranchView::of);
    }

    @Transactional(readOnly = true)
    public BranchView get(UUID id) {
        return BranchView.of(branches.findById(id).orElseThrow(() -> Problems.notFound("branch", id)));
    }

    /**
     * Opens a branch; its code is unique whatever the case, and so is its receipt series (derived
     * from the code when none is given). BranchOpened goes out with it.
     */
    @Transactional
    public BranchView create(NewBranch request) {
        if (branches.existsByCode(request.code())) {
            throw Problems.conflict("A branch with code " + request.code() + " exists already");
        }
        TaxRegistration tax = TaxRegistration.of(blankToNull(request.stateCode()), blankToNull(request.gstin()), true);
        ReceiptSeries series;
        if (blankToNull(request.receiptSeries()) == null) {
            series = ReceiptSeries.derive(request.code(), branches::existsByReceiptSeries);
        } else {
            series = ReceiptSeries.parse(request.receiptSeries());
            if (branches.existsByReceiptSeries(series.value())) {
                throw seriesTaken(series.value());
            }
        }
        Branch branch = new Branch(request.code(), request.name(), series.value());
        branch.describe(request.name(), request.address(), request.city(), request.state(), request.phone(),
                request.email());
        branch.registerForTax(tax.stateCode(), tax.gstin());
        save(branch);
        events.branchOpened(new BranchOpened(branch.getId().toString(), branch.getCode(), branch.getName(),
                branch.getCity(), branch.getState(), branch.getStateCode(), branch.getGstin(),
                branch.getReceiptSeries(), branch.isActive()));
        return BranchView.of(branch);
    }

    /**
     * Replaces a branch's description. Its state code, GSTIN, receipt series and status stay as
     * they are when left out; an empty state code or GSTIN clears it. BranchUpdated goes out with it.
     */
    @Transactional
    public BranchView update(UUID id, BranchUpdate request) {
        Branch branch = branches.findById(id).orElseThrow(() -> Problems.notFound("branch", id));
        String stateCode = request.stateCode() == null ? branch.getStateCode() : blankToNull(request.stateCode());
        String gstin = request.gstin() == null ? branch.getGstin() : blankToNull(request.gstin());
        TaxRegistration tax = TaxRegistration.of(stateCode, gstin, request.gstin() != null);
        if (blankToNull(request.receiptSeries()) != null) {
            ReceiptSeries series = ReceiptSeries.parse(request.receiptSeries());
            if (branches.existsByReceiptSeriesElsewhere(series.value(), id)) {
                throw seriesTaken(series.value());
            }
            branch.setReceiptSeries(series.value());
        }
        branch.describe(request.name(), request.address(), request.city(), request.state(), request.phone(),
                request.email());
        branch.registerForTax(tax.stateCode(), tax.gstin());
        if (request.active() != null) {
            branch.setActive(request.active());
        }
        save(branch);
        events.branchUpdated(new BranchUpdated(branch.getId().toString(), branch.getCode(), branch.getName(),
                branch.getCity(), branch.getState(), branch.getStateCode(), branch.getGstin(),
                branch.getReceiptSeries(), branch.isActive()));
        return BranchView.of(branch);
    }

    /** Two requests taking one series at once: the unique index decides, and the loser hears why. */
    private void save(Branch branch) {
        try {
            branches.saveAndFlush(branch);
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("branch_receipt_series_uk")) {
                throw seriesTaken(branch.getReceiptSeries());
            }
            throw e;
        }
    }

    private static ErrorResponseException seriesTaken(String series) {
        return Problems.conflict("The receipt series " + series + " belongs to another branch; choose another receiptSeries");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * Where a branch pays GST. A GSTIN is checked in full (format, state, check character) and must
     * have been issued in the branch's state; a GSTIN given without a state gives the branch its state.
     */
    private record TaxRegistration(String stateCode, String gstin) {

        static TaxRegistration of(String stateCode, String gstinText, boolean gstinGiven) {
            if (gstinText == null) {
                return new TaxRegistration(stateCode, null);
            }
            Gstin gstin;
            try {
                gstin = Gstin.parse(gstinText);
            } catch (IllegalArgumentException e) {
                throw Problems.invalidField("gstin", e.getMessage());
            }
            if (stateCode != null && !stateCode.equals(gstin.stateCode())) {
                String message = "GSTIN " + gstin.value() + " was issued in state " + gstin.stateCode()
                        + ", not in the branch's state " + stateCode;
                throw gstinGiven ? Problems.invalidField("gstin", message)
                        : Problems.invalidField("stateCode", message + "; change or clear the gstin with it");
            }
            return new TaxRegistration(gstin.stateCode(), gstin.value());
        }
    }

    private static final String RECEIPT_SERIES = "\\s*([A-Za-z0-9]{1,4})?\\s*";
    private static final String RECEIPT_SERIES_MESSAGE = "is 1 to 4 letters or digits";

    /**
     * A branch to open. {@code stateCode} is its two-digit GST state code; {@code gstin}, if it has
     * one, must be issued in that state (and gives the state when none is given);
     * {@code receiptSeries} is derived from the code when left out.
     */
    public record NewBranch(
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and dashes only") String code,
            @NotBlank @Size(max = 120) String name,
            @Size(max = 500) String address,
            @Size(max = 80) String city,
            @Size(max = 80) String state,
            @Size(max = 20) @Pattern(regexp = "\\+?[0-9 -]{6,19}", message = "is not a phone number") String phone,
            @Email @Size(max = 254) String email,
            @GstStateCode(emptyAllowed = true) String stateCode,
            @Size(max = 32) String gstin,
            @Pattern(regexp = RECEIPT_SERIES, message = RECEIPT_SERIES_MESSAGE) String receiptSeries) {
    }

    /**
     * A branch's details after a change; {@code active}, {@code stateCode}, {@code gstin} and
     * {@code receiptSeries} absent keep what the branch has, and an empty {@code stateCode} or
     * {@code gstin} clears it.
     */
    public record BranchUpdate(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 500) String address,
            @Size(max = 80) String city,
            @Size(max = 80) String state,
            @Size(max = 20) @Pattern(regexp = "\\+?[0-9 -]{6,19}", message = "is not a phone number") String phone,
            @Email @Size(max = 254) String email,
            Boolean active,
            @GstStateCode(emptyAllowed = true) String stateCode,
            @Size(max = 32) String gstin,
            @Pattern(regexp = RECEIPT_SERIES, message = RECEIPT_SERIES_MESSAGE) String receiptSeries) {
    }

    /** A branch as the API shows it. */
    public record BranchView(UUID id, String code, String name, String address, String city, String state, String phone,
            String email, String stateCode, String gstin, String receiptSeries, boolean active, Instant createdAt) {

        static BranchView of(Branch b) {
            return new BranchView(b.getId(), b.getCode(), b.getName(), b.getAddress(), b.getCity(), b.getState(),
                    b.getPhone(), b.getEmail(), b.getStateCode(), b.getGstin(), b.getReceiptSeries(), b.isActive(),
                    b.getCreatedAt());
        }
    }
}
