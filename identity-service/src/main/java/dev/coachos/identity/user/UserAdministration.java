package dev.coachos.identity.user;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.identity.UserDeactivated;
import dev.coachos.events.identity.UserRegistered;
import dev.coachos.events.identity.UserRoleChanged;
import dev.coachos.events.identity.UserUpdated;
import dev.coachos.identity.IdentityEvents;
import dev.coachos.identity.branch.Branches;
import dev.coachos.identity.role.Role;
import dev.coachos.identity.role.RoleAdministration;
import dev.coachos.identity.role.Roles;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.data.PageRequests;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * Creating and managing accounts. Two rules keep staff inside their lane: outside the head
 * office (no {@code access:all_branches}) a caller reaches only their own branch, and a
 * caller manages only users whose role ranks below their own (a director manages anyone).
 * Rank and permissions are the caller's role as it is now ({@link RoleAdministration#acting}):
 * a token issued before a demotion or deactivation creates, changes and re-roles nobody.
 */
@Service
public class UserAdministration {

    /** What a list of users may be sorted by (entity properties); by name unless asked otherwise. */
    private static final Sorting SORTING = Sorting.of(java.util.Map.of("name", "name", "email", "email",
            "createdAt", "createdAt", "lastLoginAt", "lastLoginAt"), "name", "id");

    /** The system role of students, given to the accounts made for converted leads. */
    private static final String STUDENT_ROLE = "STUDENT";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UserAdministration.class);

    private final Users users;
    private final Roles roles;
    private final RoleAdministration authority;
    private final Branches branches;
    private final Passwords passwords;
    private final ApplicationEventPublisher events;
    private final IdentityEvents published;

    UserAdministration(Users users, Roles roles, RoleAdministration authority, Branches branches,
            Passwords passwords, ApplicationEventPublisher events, IdentityEvents published) {
        this.published = published;
        this.users = users;
        this.roles = roles;
        this.authority = authority;
        this.branches = branches;
        this.passwords = passwords;
        this.events = events;
    }

    @Transactional
    public User create(Caller caller, NewUser request) {
        Role acting = authority.acting(caller, "create:users");
        Role role = knownRole(request.roleName());
        requireAssignable(acting, role);
        UUID branchId = request.branchId();
        if (branchId == null && !caller.seesAllBranches()) {
            branchId = caller.branchId().orElse(null);
        }
        requireBranch(caller, branchId);
        String email = request.email().trim();
        if (users.findLiveByEmail(email).isPresent()) {
            throw Problems.conflict("An account with this e-mail address exists already");
        }
        String hash = request.password() == null
                ? passwords.unusable()
                : passwords.hash("password", request.password(), email);
        User user = new User(email, request.name().trim(), hash, role, branchId);
        user.setPhone(request.phone());
        register(user);
        log.info("Created user {} with role {} in branch {}", user.getId(), role.getName(), branchId);
        if (request.password() == null) {
            events.publishEvent(new UserEvents.InvitedWithoutPassword(user.getId()));
        }
        return user;
    }

    /**
     * The first director, verified, of no branch: made at start while no director exists (nobody
     * can call the API yet). Two instances starting at once may both try; the database keeps one
     * and the other gets a {@link org.springframework.dao.DataIntegrityViolationException}.
     */
    @Transactional
    public User createFirstDirector(String email, String passwordHash) {
        Role director = roles.findByName(Role.DIRECTOR).orElseThrow();
        User user = new User(email, "Director", passwordHash, director, null);
        user.setVerified(true);
        register(user);
        return user;
    }

    /**
     * A student account for a lead being converted (marketing-service's LeadConversionRequested):
     * the system's own act, with no human caller, so none of {@link #create}'s checks of a caller's
     * rank, permissions and branch apply; the role is always STUDENT. Like an account created
     * without a password, it gets no usable password and a set-password link once the transaction
     * commits, and its creation is published as UserRegistered. The caller has made sure the
     * e-mail address is free and the branch (if any) exists; should another account take the
     * address meanwhile, the unique index refuses this one and the transaction rolls back.
     */
    @Transactional
    public User createStudentForLead(String email, String name, String phone, UUID branchId) {
        Role student = roles.findByName(STUDENT_ROLE).orElseThrow();
        User user = new User(email.trim(), name.trim(), passwords.unusable(), student, branchId);
        user.setPhone(phone);
        register(user);
        log.info("Created student {} for a lead's conversion in branch {}", user.getId(), branchId);
        events.publishEvent(new UserEvents.InvitedWithoutPassword(user.getId()));
        return user;
    }

    @Transactional(readOnly = true)
    public Page<User> search(Caller caller, Optional<String> text, Optional<String> role, Optional<UUID> branch,
            Optional<Boolean> active, Paging paging) {
        Specification<User> spec = Users.live();
        if (!caller.seesAllBranches()) {
            UUID own = caller.branchId().orElseThrow(() -> Problems.forbidden("You belong to no branch"));
            if (branch.isPresent() && !branch.get().equals(own)) {
                throw Problems.forbidden("You can only see users of your own branch");
            }
            branch = Optional.of(own);
        }
        if (text.isPresent() && !text.get().isBlank()) {
            spec = spec.and(Users.matching(text.get().trim()));
        }
        if (role.isPresent()) {
            spec = spec.and(Users.withRole(role.get()));
        }
        if (branch.isPresent()) {
            spec = spec.and(Users.inBranch(branch.get()));
        }
        if (active.isPresent()) {
            spec = spec.and(Users.active(active.get()));
        }
        return users.findAll(spec, PageRequests.of(paging, SORTING));
    }

    /** A user the caller may see: themselves, or one within reach when they may read users. */
    @Transactional(readOnly = true)
    public User get(Caller caller, UUID id) {
        User user = users.findLive(id).orElseThrow(() -> Problems.notFound("user", id));
        if (caller.is(id)) {
            return user;
        }
        if (!caller.can("read:users")) {
            throw Problems.forbidden("You may not read other users");
        }
        requireReach(caller, user);
        return user;
    }

    @Transactional
    public User update(Caller caller, UUID id, UserChange change) {
        User user = manageable(caller, authority.acting(caller, "update:users"), id);
        if (change.name() != null) {
            user.rename(change.name().trim());
        }
        if (change.phone() != null) {
            user.setPhone(change.phone().isBlank() ? null : change.phone());
        }
        if (change.avatarUrl() != null) {
            user.setAvatarUrl(change.avatarUrl().isBlank() ? null : change.avatarUrl());
        }
        if (change.branchId() != null) {
            requireBranch(caller, change.branchId());
            user.moveToBranch(change.branchId());
        }
        if (change.verified() != null) {
            user.setVerified(change.verified());
        }
        if (Boolean.FALSE.equals(change.active()) && user.isActive()) {
            endAccess(caller, user, false);
        } else if (Boolean.TRUE.equals(change.active())) {
            user.reactivate();
        }
        users.saveAndFlush(user);
        published.userUpdated(updated(user));
        return user;
    }

    /** The caller's own name, phone and avatar. */
    @Transactional
    public User updateSelf(Caller caller, OwnDetails change) {
        User user = users.findLive(caller.userId()).orElseThrow(() -> Problems.notFound("user", caller.userId()));
        if (change.name() != null) {
            user.rename(change.name().trim());
        }
        if (change.phone() != null) {
            user.setPhone(change.phone().isBlank() ? null : change.phone());
        }
        if (change.avatarUrl() != null) {
            user.setAvatarUrl(change.avatarUrl().isBlank() ? null : change.avatarUrl());
        }
        users.saveAndFlush(user);
        published.userUpdated(updated(user));
        return user;
    }

    /** The new role shows in the user's tokens from their next refresh or login. */
    @Transactional
    public User changeRole(Caller caller, UUID id, String roleName) {
        Role acting = authority.acting(caller, "update:users");
        if (caller.is(id) && !acting.allows("manage:all")) {
            throw Problems.forbidden("You cannot change your own role");
        }
        User user = manageable(caller, acting, id);
        Role role = knownRole(roleName);
        requireAssignable(acting, role);
        if (!role.getName().equals(Role.DIRECTOR)) {
            requireAnotherDirector(user);
        }
        String previous = user.getRole().getName();
        user.assignRole(role);
        users.saveAndFlush(user);
        if (!previous.equals(role.getName())) {
            published.userRoleChanged(new UserRoleChanged(user.getId().toString(), previous, role.getName(),
                    role.getProfileType().name()));
        }
        // After the account's own event, so a new profile's event (StudentProfileUpdated) follows it.
        events.publishEvent(new UserEvents.RoleAssigned(id, role.getProfileType()));
        return user;
    }

    /**
     * Soft delete: the account stays for the record but leaves the live directory for good, after
     * the same deactivation as {@code PATCH active=false}.
     */
    @Transactional
    public void deactivate(Caller caller, UUID id) {
        User user = manageable(caller, authority.acting(caller, "delete:users"), id);
        endAccess(caller, user, true);
    }

    /**
     * The one deactivation path, for {@code PATCH active=false} and {@code DELETE} alike: nobody
     * deactivates themselves or the last active director; the account can no longer log in, its
     * sessions (refresh tokens) end, and UserDeactivated tells the other services (enrollments go
     * on hold, calendar feeds stop). {@code delete} also takes the account out of the live
     * directory, which only DELETE does: a deactivated account can be reactivated, a deleted one not.
     */
    private void endAccess(Caller caller, User user, boolean delete) {
        if (caller.is(user.getId())) {
            throw Problems.conflict("You cannot deactivate your own account");
        }
        requireAnotherDirector(user);
        if (delete) {
            user.delete(Instant.now());
        } else {
            user.deactivate();
        }
        users.saveAndFlush(user);
        events.publishEvent(new UserEvents.AccessRevoked(user.getId()));
        published.userDeactivated(new UserDeactivated(user.getId().toString()));
        log.info("Deactivated user {}{}", user.getId(), delete ? " and removed them from the directory" : "");
    }

    private User manageable(Caller caller, Role acting, UUID id) {
        User user = users.findLive(id).orElseThrow(() -> Problems.notFound("user", id));
        requireReach(caller, user);
        if (!caller.is(id)) {
            requireOutranks(acting, user.getRole());
        }
        return user;
    }

    private Role knownRole(String name) {
        return roles.findByName(name).orElseThrow(() -> Problems.invalidField("roleName", "unknown role " + name));
    }

    /**
     * Giving someone a role must not give the caller more power than they hold: the role must
     * rank below the caller's, and every permission in it must be one the caller's role holds.
     */
    private void requireAssignable(Role acting, Role role) {
        requireOutranks(acting, role);
        if (acting.allows("manage:all")) {
            return;
        }
        for (String permission : role.permissionCodes()) {
            if (!acting.allows(permission)) {
                throw Problems.forbidden("You cannot give the role " + role.getName() + ": it holds " + permission
                        + ", which you do not");
            }
        }
    }

    /** The institute always keeps at least one active director. */
    private void requireAnotherDirector(User user) {
        if (user.getRole().getName().equals(Role.DIRECTOR) && user.isActive()
                && users.countActiveDirectors() <= 1) {
            throw Problems.conflict("This is the last active director; make someone else director first");
        }
    }

    private void requireOutranks(Role acting, Role role) {
        if (acting.allows("manage:all")) {
            return;
        }
        if (role.getRank() >= acting.getRank()) {
            throw Problems.forbidden("You can only manage users whose role ranks below yours");
        }
    }

    private void requireReach(Caller caller, User user) {
        if (!caller.reaches(user.branch())) {
            throw Problems.forbidden("This user belongs to another branch");
        }
    }

    private void requireBranch(Caller caller, UUID branchId) {
        if (branchId == null) {
            if (!caller.seesAllBranches()) {
                throw Problems.invalidField("branchId", "is required");
            }
            return;
        }
        if (!caller.reaches(Optional.of(branchId))) {
            throw Problems.forbidden("You can only place users in your own branch");
        }
        if (!branches.existsById(branchId)) {
            throw Problems.invalidField("branchId", "unknown branch " + branchId);
        }
    }

    /** Stores a new account, gives it the profile its role implies and tells the other services. */
    private void register(User user) {
        users.saveAndFlush(user);
        published.userRegistered(new UserRegistered(user.getId().toString(), user.getEmail(), user.getName(),
                user.getRole().getName(), branch(user), user.getRole().getProfileType().name(), user.getPhone()));
        // The profile's own event (StudentProfileUpdated for a student) follows UserRegistered.
        events.publishEvent(new UserEvents.RoleAssigned(user.getId(), user.getRole().getProfileType()));
    }

    private static UserUpdated updated(User user) {
        return new UserUpdated(user.getId().toString(), user.getEmail(), user.getName(), user.getPhone(), branch(user),
                user.isActive());
    }

    private static String branch(User user) {
        return user.getBranchId() == null ? null : user.getBranchId().toString();
    }
}
