package dev.coachos.identity.user;

import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What to change in an account: a field left out stays as it is, a blank phone or avatar is
 * cleared. {@code active: false} deactivates the account, {@code active: true} brings it back.
 */
public record UserChange(
        @Size(min = 1, max = 120) String name,
        @Pattern(regexp = "|" + NewUser.PHONE, message = "is not a phone number") String phone,
        @Size(max = 500) @Pattern(regexp = "|https://.+", message = "must be an https URL") String avatarUrl,
        UUID branchId,
        Boolean active,
        Boolean verified) {
}
