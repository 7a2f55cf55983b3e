package dev.coachos.identity.role;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Roles extends JpaRepository<Role, UUID> {

    Optional<Role> findByName(String name);

    /** The rank of a user's role; empty for an unknown or deleted user. */
    @Query("select u.role.rank from User u where u.id = ?1 and u.deleted = false")
    Optional<Integer> rankOfUser(UUID userId);

    /** The role a user holds now; empty once the account is deactivated or deleted. */
    @Query("select u.role from User u where u.id = ?1 and u.deleted = false and u.active = true")
    Optional<Role> currentRoleOf(UUID userId);

    /** Deactivated users count too: their records still name the role. */
    @Query("select count(u) > 0 from User u where u.role.id = ?1")
    boolean hasUsers(UUID roleId);
}
