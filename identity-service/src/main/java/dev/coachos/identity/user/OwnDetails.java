package dev.coachos.identity.user;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What anyone may change in their own account: a field left out stays, a blank phone or avatar is cleared. */
public record OwnDetails(
        @Size(min = 1, max = 120) String name,
        @Pattern(regexp = "|" + NewUser.PHONE, message = "is not a phone number") String phone,
        @Size(max = 500) @Pattern(regexp = "|https://.+", message = "must be an https URL") String avatarUrl) {
}
