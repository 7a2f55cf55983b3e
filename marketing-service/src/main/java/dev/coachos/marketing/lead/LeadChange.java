package dev.coachos.marketing.lead;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Changes to an open lead: only the fields given change; {@code clearEmail}, {@code clearCampaign},
 * {@code clearAssignee} and {@code clearCourse} empty those. {@code version} is the version read,
 * so two people editing at once do not overwrite each other (409).
 */
public record LeadChange(
        @NotNull Integer version,
        @Size(min = 1, max = 120) String name,
        @Size(min = 1, max = 40) String phone,
        @Email @Size(max = 254) String email,
        Source source,
        UUID courseId,
        @Size(max = 200) String courseInterest,
        UUID branchId,
        UUID campaignId,
        UUID assigneeId,
        Instant nextFollowUpAt,
        @Size(max = 2000) String notes,
        Boolean clearEmail,
        Boolean clearCampaign,
        Boolean clearAssignee,
        Boolean clearCourse) {
}
