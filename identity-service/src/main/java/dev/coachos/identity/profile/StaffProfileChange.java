package dev.coachos.identity.profile;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** A staff member's profile as it is to be; bank details left out stay as they are. */
public record StaffProfileChange(@Size(max = 80) String department, @Size(max = 120) String designation,
        UUID reportingTo, @Valid BankDetails bankDetails) {
}
