package dev.coachos.identity.role;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import dev.coachos.identity.AbstractEntity;
import dev.coachos.platform.security.Caller;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

/**
 * A named set of permissions (dynamic RBAC). System roles, the seed's ten, cannot be deleted;
 * the rank says who may manage whom.
 */
@Entity
@Table(name = "role")
public class Role extends AbstractEntity {

    /** The role the first account gets and that holds every permission. */
    public static final String DIRECTOR = "DIRECTOR";

    @Column(nullable = false)
    private String name;
    private String description;
    @Column(name = "is_system", nullable = false)
    private boolean system;
    @Enumerated(EnumType.STRING)
    @Column(name = "profile_type", nullable = false)
    private ProfileType profileType;
    @Column(nullable = false)
    private int rank;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "role_permission",
            joinColumns = @JoinColumn(name = "role_id"),
            inverseJoinColumns = @JoinColumn(name = "permission_id"))
    private Set<Permission> permissions = new HashSet<>();

    protected Role() {
    }

    public Role(String name, String description, ProfileType profileType, int rank) {
        this.name = name;
        this.description = description;
        this.profileType = profileType;
        this.rank = rank;
    }

    public void grant(Permission permission) {
        permissions.add(permission);
    }

    public void revoke(Permission permission) {
        permissions.removeIf(p -> p.getId().equals(permission.getId()));
    }

    /** Whether this role holds {@code permission}, directly or through manage / all (the rule every service applies). */
    public boolean allows(String permission) {
        return Caller.allows(permissionCodes(), permission);
    }

    /** The permission codes, sorted, as they go into tokens. */
    public Set<String> permissionCodes() {
        Set<String> codes = new TreeSet<>();
        permissions.forEach(p -> codes.add(p.code()));
        return codes;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isSystem() {
        return system;
    }

    public ProfileType getProfileType() {
        return profileType;
    }

    public int getRank() {
        return rank;
    }

    /** Which profile a user of this role has. */
    public enum ProfileType {
        STUDENT, TEACHER, STAFF
    }
}
