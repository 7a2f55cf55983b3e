package dev.coachos.identity.user;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.coachos.identity.AbstractEntity;
import dev.coachos.identity.role.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An account: a person who logs in. Deleting one only marks it deleted. */
@Entity
@Table(name = "app_user")
public class User extends AbstractEntity {

    @Column(nullable = false)
    private String email;
    private String phone;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(nullable = false)
    private String name;
    @Column(name = "avatar_url")
    private String avatarUrl;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "role_id")
    private Role role;
    @Column(name = "branch_id")
    private UUID branchId;
    @Column(name = "is_active", nullable = false)
    private boolean active = true;
    @Column(name = "is_verified", nullable = false)
    private boolean verified;
    @Column(name = "is_deleted", nullable = false)
    private boolean deleted;
    @Column(name = "deleted_at")
    private Instant deletedAt;
    @Column(name = "last_login_at")
    private Instant lastLoginAt;
    @Column(name = "failed_login_count", nullable = false)
    private int failedLoginCount;
    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected User() {
    }

    public User(String email, String name, String passwordHash, Role role, UUID branchId) {
        this.email = email;
        this.name = name;
        this.passwordHash = passwordHash;
        this.role = role;
        this.branchId = branchId;
    }

    /** Whether the account may log in at this moment. */
    public boolean canLogIn(Instant now) {
        return active && !deleted && !isLocked(now);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.failedLoginCount = 0;
        this.lockedUntil = null;
    }

    /** Takes access away; the account stays in the directory and may be reactivated. */
    public void deactivate() {
        active = false;
    }

    /** Deactivates for good: the account leaves the live directory and its e-mail address is free again. */
    public void delete(Instant now) {
        active = false;
        deleted = true;
        deletedAt = now;
    }

    public void reactivate() {
        active = true;
    }

    public void assignRole(Role role) {
        this.role = role;
    }

    public void moveToBranch(UUID branchId) {
        this.branchId = branchId;
    }

    public void rename(String name) {
        this.name = name;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public void setAvatarUrl(String avatarUrl) {
        this.avatarUrl = avatarUrl;
    }

    public void setVerified(boolean verified) {
        this.verified = verified;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getName() {
        return name;
    }

    public String getAvatarUrl() {
        return avatarUrl;
    }

    public Role getRole() {
        return role;
    }

    public Optional<UUID> branch() {
        return Optional.ofNullable(branchId);
    }

    public UUID getBranchId() {
        return branchId;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isVerified() {
        return verified;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }
}
