package dev.coachos.identity.profile;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A guardian as the student profile API takes one: a name, how they are related to the student,
 * a phone as people type it (stored in E.164; a number without a country code is read in the
 * default region, {@code coachos.identity.default-phone-region}) and, if they have one, an e-mail.
 */
public record GuardianChange(
        @NotBlank @Size(max = 120) String name,
        @NotNull @Pattern(regexp = "FATHER|MOTHER|GUARDIAN|SIBLING|OTHER",
                message = "must be one of FATHER, MOTHER, GUARDIAN, SIBLING, OTHER") String relation,
        @NotBlank String phone,
        @Email(regexp = ".+@.+\\..+", message = "must be a well-formed e-mail address") @Size(max = 254) String email) {
}
