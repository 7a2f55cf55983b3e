package dev.coachos.marketing.lead;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What the website's enquiry form sends. {@code website} is a honeypot: the form hides it from
 * people, so only a bot fills it in, and such an enquiry is dropped without a word (the answer is
 * the same). An unknown campaign (a stale link's) is ignored rather than refused.
 */
public record Enquiry(
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 40) String phone,
        @Email @Size(max = 254) String email,
        UUID courseId,
        @Size(max = 200) String courseInterest,
        UUID branchId,
        UUID campaignId,
        @Size(max = 2000) String message,
        @Size(max = 500) String website) {

    /** Whether a bot filled in the hidden field. */
    public boolean isFromABot() {
        return website != null && !website.isEmpty();
    }
}
