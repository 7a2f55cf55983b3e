package dev.coachos.identity.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Where a teacher's or staff member's salary goes. Stored as JSON; shown only to the owner and payroll/HR. */
public record BankDetails(
        @NotBlank @Size(max = 120) String accountHolderName,
        @NotBlank @Size(max = 120) String bankName,
        @NotBlank @Pattern(regexp = "[0-9]{9,18}", message = "must be 9 to 18 digits") String accountNumber,
        @NotBlank @Pattern(regexp = "[A-Z]{4}0[A-Z0-9]{6}", message = "must be an 11-character IFSC such as HDFC0001234") String ifsc,
        @NotNull AccountType accountType) {

    public enum AccountType {
        SAVINGS, CURRENT
    }

    @Override
    public String toString() {
        return "BankDetails[bank=" + bankName + ", account=****]";
    }
}
