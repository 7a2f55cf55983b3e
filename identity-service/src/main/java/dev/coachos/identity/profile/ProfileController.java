package dev.coachos.identity.profile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

/** Permissions are checked in {@link ProfileDirectory}: owners read their own, staff need read/update:profiles. */
@RestController
@RequestMapping("/api/v1/profiles")
class ProfileController {

    private final ProfileDirectory directory;

    ProfileController(ProfileDirectory directory) {
        this.directory = directory;
    }

    @Operation(summary = "Read your own profile")
    @GetMapping("/me")
    ProfileDirectory.ProfileView mine() {
        Caller caller = Caller.current();
        return directory.view(caller, caller.userId());
    }

    @Operation(summary = "Set your own bank details")
    @PutMapping("/me/bank-details")
    ProfileDirectory.ProfileView myBankDetails(@Valid @RequestBody BankDetails details) {
        return directory.updateOwnBankDetails(Caller.current(), details);
    }

    @Operation(summary = "Read a user's profile")
    @GetMapping("/{userId}")
    ProfileDirectory.ProfileView get(@PathVariable UUID userId) {
        return directory.view(Caller.current(), userId);
    }

    @Operation(summary = "Set a student's profile")
    @PutMapping("/{userId}/student")
    ProfileDirectory.ProfileView student(@PathVariable UUID userId, @Valid @RequestBody StudentUpdate request) {
        return directory.updateStudent(Caller.current(), userId, request.enrollmentDate(), request.batchId(),
                request.discount());
    }

    @Operation(summary = "Set a teacher's profile")
    @PutMapping("/{userId}/teacher")
    ProfileDirectory.ProfileView teacher(@PathVariable UUID userId, @Valid @RequestBody TeacherUpdate request) {
        return directory.updateTeacher(Caller.current(), userId, request.domain(), request.bio(),
                request.qualification(), Optional.ofNullable(request.bankDetails()));
    }

    @Operation(summary = "Set a staff member's profile")
    @PutMapping("/{userId}/staff")
    ProfileDirectory.ProfileView staff(@PathVariable UUID userId, @Valid @RequestBody StaffUpdate request) {
        return directory.updateStaff(Caller.current(), userId, request.department(), request.designation(),
                request.reportingTo(), Optional.ofNullable(request.bankDetails()));
    }

    record StudentUpdate(LocalDate enrollmentDate, UUID batchId,
            @DecimalMin("0.00") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) BigDecimal discount) {
    }

    record TeacherUpdate(@Size(max = 120) String domain, @Size(max = 2000) String bio,
            @Size(max = 500) String qualification, @Valid BankDetails bankDetails) {
    }

    record StaffUpdate(@Size(max = 80) String department, @Size(max = 120) String designation, UUID reportingTo,
            @Valid BankDetails bankDetails) {
    }
}
