package dev.coachos.identity.profile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.coachos.events.identity.StaffProfileUpdated;
import dev.coachos.events.identity.StudentProfileUpdated;
import dev.coachos.identity.IdentityEvents;
import dev.coachos.identity.enrollment.KnownBatches;
import dev.coachos.identity.role.Roles;
import dev.coachos.identity.user.User;
import dev.coachos.identity.user.UserEvents;
import dev.coachos.identity.user.Users;
import dev.coachos.platform.phone.PhoneNumbers;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Student, teacher and staff profiles. A user gets the profile their role implies when the
 * role is assigned; a profile from an earlier role is kept for the record but no longer goes
 * into their tokens. A student profile names only a batch enrollment-service has opened.
 * Student and staff profiles are announced with every save (StudentProfileUpdated,
 * StaffProfileUpdated), in the transaction that saves them. A student profile keeps up to two
 * guardians, their phones in E.164; whoever may read or change the profile reads or changes them.
 */
@Service
public class ProfileDirectory {

    private final StudentProfiles students;
    private final TeacherProfiles teachers;
    private final StaffProfiles staff;
    private final Users users;
    private final Roles roles;
    private final JsonMapper json;
    private final KnownBatches batches;
    private final IdentityEvents events;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;
    private final ProfileSettings settings;

    ProfileDirectory(StudentProfiles students, TeacherProfiles teachers, StaffProfiles staff, Users users,
            Roles roles, JsonMapper json, KnownBatches batches, IdentityEvents events,
            PlatformTransactionManager transactionManager, ProfileSettings settings) {
        this.settings = settings;
        this.batches = batches;
        this.events = events;
        this.reading = new TransactionTemplate(transactionManager);
        this.reading.setReadOnly(true);
        this.writing = new TransactionTemplate(transactionManager);
        this.roles = roles;
        this.students = students;
        this.teachers = teachers;
        this.staff = staff;
        this.users = users;
        this.json = json;
    }

    /**
     * Runs in the transaction that assigns the role, so a new student's StudentProfileUpdated (a new
     * staff member's StaffProfileUpdated) goes out with it.
     */
    @EventListener
    void onRoleAssigned(UserEvents.RoleAssigned event) {
        switch (event.profileType()) {
            case STUDENT -> {
                if (students.findByUserId(event.userId()).isEmpty()) {
                    StudentProfileUpdated created = updated(students.save(new StudentProfile(event.userId())));
                    events.studentProfileUpdated(created);
                }
            }
            case TEACHER -> {
                if (teachers.findByUserId(event.userId()).isEmpty()) {
                    teachers.save(new TeacherProfile(event.userId()));
                }
            }
            case STAFF -> {
                if (staff.findByUserId(event.userId()).isEmpty()) {
                    events.staffProfileUpdated(updated(staff.save(new StaffProfile(event.userId()))));
                }
            }
        }
    }

    /**
     * The profile id that goes into a user's access token: only the one their current role implies.
     * A profile from an earlier role stays for the record (and in the profile view), but a token
     * carrying it would let other services treat a promoted student as a student.
     */
    @Transactional(readOnly = true)
    public ProfileIds idsOf(User user) {
        UUID userId = user.getId();
        Optional<UUID> none = Optional.empty();
        return switch (user.getRole().getProfileType()) {
            case STUDENT -> new ProfileIds(students.findByUserId(userId).map(StudentProfile::getId), none, none);
            case TEACHER -> new ProfileIds(none, teachers.findByUserId(userId).map(TeacherProfile::getId), none);
            case STAFF -> new ProfileIds(none, none, staff.findByUserId(userId).map(StaffProfile::getId));
        };
    }

    @Transactional(readOnly = true)
    public ProfileView view(Caller caller, UUID userId) {
        User user = visibleUser(caller, userId, "read:profiles");
        boolean bankVisible = caller.is(userId) || caller.can("read:bank_details");
        return new ProfileView(user.getId(), user.getName(), user.getRole().getName(),
                students.findByUserId(userId).map(StudentView::of).orElse(null),
                teachers.findByUserId(userId).map(t -> TeacherView.of(t, bankVisible ? bank(t.getBankDetailsJson()) : null)).orElse(null),
                staff.findByUserId(userId).map(s -> StaffView.of(s, bankVisible ? bank(s.getBankDetailsJson()) : null)).orElse(null));
    }

    /**
     * Sets a student's profile. Its batch must be one enrollment-service opened ({@link KnownBatches}):
     * that check runs between the permission check and the write, outside a transaction, because it
     * may wait a moment for a batch opened just now. A batch the profile names already is kept
     * without the check, so a profile saved before the rule can still be edited. Guardians given
     * replace the profile's (left out, they stay as they are). Each save tells the other services
     * (StudentProfileUpdated: finance needs the student's state, communication the guardians).
     */
    public ProfileView updateStudent(Caller caller, UUID userId, StudentProfileChange change) {
        UUID current = reading.execute(status -> {
            visibleUser(caller, userId, "update:profiles");
            return studentProfileOf(userId).getBatchId();
        });
        List<Guardian> guardians = change.guardians() == null ? null : guardians(change.guardians());
        if (change.batchId() != null && !change.batchId().equals(current)) {
            batches.require(change.batchId(), "batchId");
        }
        return writing.execute(status -> {
            visibleUser(caller, userId, "update:profiles");
            StudentProfile profile = studentProfileOf(userId);
            profile.update(change.enrollmentDate(), change.batchId(), change.discount(), change.stateCode());
            if (guardians != null) {
                profile.replaceGuardians(guardians);
            }
            students.saveAndFlush(profile);
            events.studentProfileUpdated(updated(profile));
            return view(caller, userId);
        });
    }

    /**
     * The guardians as they are stored: names and e-mails stripped (a blank e-mail is none), phones
     * in E.164. A phone that is no valid number, or that another of them has, is a 400 naming it.
     */
    private List<Guardian> guardians(List<GuardianChange> given) {
        List<Guardian> read = new ArrayList<>();
        Map<String, Integer> phones = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            GuardianChange g = given.get(i);
            String field = "guardians[" + i + "].phone";
            String phone;
            try {
                phone = PhoneNumbers.normalise(g.phone(), settings.defaultPhoneRegion());
            } catch (IllegalArgumentException e) {
                throw Problems.invalidField(field, e.getMessage());
            }
            Integer earlier = phones.putIfAbsent(phone, i);
            if (earlier != null) {
                throw Problems.invalidField(field, "is guardians[" + earlier + "]'s phone too; two guardians need "
                        + "two phones");
            }
            String email = g.email() == null || g.email().isBlank() ? null : g.email().strip();
            read.add(new Guardian(g.name().strip(), g.relation(), phone, email));
        }
        return read;
    }

    private static StudentProfileUpdated updated(StudentProfile profile) {
        return new StudentProfileUpdated(profile.getUserId().toString(), profile.getId().toString(),
                profile.getStateCode(), profile.getGuardians().stream()
                        .map(g -> new StudentProfileUpdated.Guardian(g.getName(), g.getRelation(), g.getPhone(),
                                g.getEmail()))
                        .toList());
    }

    private StudentProfile studentProfileOf(UUID userId) {
        return students.findByUserId(userId).orElseThrow(() -> Problems.notFound("student profile for user", userId));
    }

    @Transactional
    public ProfileView updateTeacher(Caller caller, UUID userId, TeacherProfileChange change) {
        visibleUser(caller, userId, "update:profiles");
        Optional<BankDetails> bankDetails = Optional.ofNullable(change.bankDetails());
        bankDetails.ifPresent(b -> requireBankAccess(caller, userId));
        TeacherProfile profile = teachers.findByUserId(userId)
                .orElseThrow(() -> Problems.notFound("teacher profile for user", userId));
        profile.update(change.domain(), change.bio(), change.qualification());
        bankDetails.ifPresent(b -> profile.setBankDetailsJson(json.writeValueAsString(b)));
        teachers.saveAndFlush(profile);
        return view(caller, userId);
    }

    /**
     * Sets a staff member's profile. Each save tells the other services (StaffProfileUpdated:
     * communication lets the reporting manager decide the member's leaves).
     */
    @Transactional
    public ProfileView updateStaff(Caller caller, UUID userId, StaffProfileChange change) {
        visibleUser(caller, userId, "update:profiles");
        Optional<BankDetails> bankDetails = Optional.ofNullable(change.bankDetails());
        UUID reportingTo = change.reportingTo();
        bankDetails.ifPresent(b -> requireBankAccess(caller, userId));
        if (reportingTo != null && (reportingTo.equals(userId) || users.findLive(reportingTo).isEmpty())) {
            throw Problems.invalidField("reportingTo", "must be another existing user");
        }
        StaffProfile profile = staff.findByUserId(userId)
                .orElseThrow(() -> Problems.notFound("staff profile for user", userId));
        profile.update(change.department(), change.designation(), reportingTo);
        bankDetails.ifPresent(b -> profile.setBankDetailsJson(json.writeValueAsString(b)));
        staff.saveAndFlush(profile);
        events.staffProfileUpdated(updated(profile));
        return view(caller, userId);
    }

    private static StaffProfileUpdated updated(StaffProfile profile) {
        UUID manager = profile.getReportingTo();
        return new StaffProfileUpdated(profile.getUserId().toString(), profile.getId().toString(),
                manager == null ? null : manager.toString());
    }

    /** The owner keeps their own bank details current. */
    @Transactional
    public ProfileView updateOwnBankDetails(Caller caller, BankDetails details) {
        UUID me = caller.userId();
        String value = json.writeValueAsString(details);
        Optional<TeacherProfile> teacher = teachers.findByUserId(me);
        Optional<StaffProfile> member = staff.findByUserId(me);
        if (teacher.isEmpty() && member.isEmpty()) {
            throw Problems.conflict("Only teachers and staff keep bank details");
        }
        teacher.ifPresent(t -> {
            t.setBankDetailsJson(value);
            teachers.saveAndFlush(t);
        });
        member.ifPresent(s -> {
            s.setBankDetailsJson(value);
            staff.saveAndFlush(s);
            events.staffProfileUpdated(updated(s));
        });
        return view(caller, me);
    }

    private User visibleUser(Caller caller, UUID userId, String permission) {
        User user = users.findLive(userId).orElseThrow(() -> Problems.notFound("user", userId));
        if (caller.is(userId)) {
            if (permission.startsWith("read:")) {
                return user;
            }
            if (!caller.can("manage:all")) {
                throw Problems.forbidden("You cannot change your own profile this way; use /api/v1/profiles/me");
            }
        }
        if (!caller.can(permission)) {
            throw Problems.forbidden("You may not do this to another user's profile");
        }
        if (!caller.reaches(user.branch())) {
            throw Problems.forbidden("This user belongs to another branch");
        }
        if (!permission.startsWith("read:") && !caller.is(userId) && !caller.can("manage:all")
                && user.getRole().getRank() >= roles.rankOfUser(caller.userId()).orElse(0)) {
            throw Problems.forbidden("You can only change profiles of users whose role ranks below yours");
        }
        return user;
    }

    /** Where a salary goes is changed only by its owner or by those who may see bank details (payroll, HR). */
    private static void requireBankAccess(Caller caller, UUID userId) {
        if (!caller.is(userId) && !caller.can("read:bank_details")) {
            throw Problems.forbidden("You may not change another user's bank details");
        }
    }

    private BankDetails bank(String value) {
        return value == null ? null : json.readValue(value, BankDetails.class);
    }

    public record ProfileIds(Optional<UUID> student, Optional<UUID> teacher, Optional<UUID> staff) {
    }

    public record ProfileView(UUID userId, String name, String role, StudentView student, TeacherView teacher,
            StaffView staff) {
    }

    public record StudentView(UUID id, LocalDate enrollmentDate, UUID batchId, BigDecimal discount, String stateCode,
            List<GuardianView> guardians) {
        static StudentView of(StudentProfile p) {
            return new StudentView(p.getId(), p.getEnrollmentDate(), p.getBatchId(), p.getDiscount(),
                    p.getStateCode(), p.getGuardians().stream().map(GuardianView::of).toList());
        }
    }

    /** A guardian as the API shows one: the phone in E.164, the e-mail or null. */
    public record GuardianView(String name, String relation, String phone, String email) {
        static GuardianView of(Guardian g) {
            return new GuardianView(g.getName(), g.getRelation(), g.getPhone(), g.getEmail());
        }
    }

    public record TeacherView(UUID id, String domain, String bio, String qualification, BankDetails bankDetails) {
        static TeacherView of(TeacherProfile p, BankDetails bank) {
            return new TeacherView(p.getId(), p.getDomain(), p.getBio(), p.getQualification(), bank);
        }
    }

    public record StaffView(UUID id, String department, String designation, UUID reportingTo, BankDetails bankDetails) {
        static StaffView of(StaffProfile p, BankDetails bank) {
            return new StaffView(p.getId(), p.getDepartment(), p.getDesignation(), p.getReportingTo(), bank);
        }
    }
}
