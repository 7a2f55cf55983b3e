package dev.coachos.identity.profile;

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
    ProfileDirectory.ProfileView student(@PathVariable UUID userId, @Valid @RequestBody StudentProfileChange change) {
        return directory.updateStudent(Caller.current(), userId, change);
    }

    @Operation(summary = "Set a teacher's profile")
    @PutMapping("/{userId}/teacher")
    ProfileDirectory.ProfileView teacher(@PathVariable UUID userId, @Valid @RequestBody TeacherProfileChange change) {
        return directory.updateTeacher(Caller.current(), userId, change);
    }

    @Operation(summary = "Set a staff member's profile")
    @PutMapping("/{userId}/staff")
    ProfileDirectory.ProfileView staff(@PathVariable UUID userId, @Valid @RequestBody StaffProfileChange change) {
        return directory.updateStaff(Caller.current(), userId, change);
    }
}
