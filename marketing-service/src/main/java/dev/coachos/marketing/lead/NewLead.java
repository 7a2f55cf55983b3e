package dev.coachos.marketing.lead;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A lead staff enter. The phone is read in any common format and kept in E.164. With
 * {@code ifDuplicate} ADD_ACTIVITY, a phone that an open lead of the branch already has becomes an
 * ENQUIRY activity on that lead instead of a 409.
 */
public record NewLead(
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 40) String phone,
        @Email @Size(max = 254) String email,
        @NotNull Source source,
        UUID courseId,
        @Size(max = 200) String courseInterest,
        UUID branchId,
        UUID campaignId,
        UUID assigneeId,
        Instant nextFollowUpAt,
        @Size(max = 2000) String notes,
        IfDuplicate ifDuplicate) {

    /** What to do when an open lead of the branch has the same phone number. */
    public enum IfDuplicate {
        /** Answer 409 naming the existing lead (the default). */
        REJECT,
        /** Record the new details as an ENQUIRY activity on the existing lead and answer with it. */
        ADD_ACTIVITY
    }
}
