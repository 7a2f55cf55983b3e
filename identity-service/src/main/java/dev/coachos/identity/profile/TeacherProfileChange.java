package dev.coachos.identity.profile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** A teacher's profile as it is to be; bank details left out stay as they are. */
public record TeacherProfileChange(@Size(max = 120) String domain, @Size(max = 2000) String bio,
        @Size(max = 500) String qualification, @Valid BankDetails bankDetails) {
}
