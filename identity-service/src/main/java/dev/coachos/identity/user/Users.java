package dev.coachos.identity.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface Users extends JpaRepository<User, UUID>, JpaSpecificationExecutor<User> {

    /** The live account with this e-mail address, whatever its letter case. */
    @Query("select u from User u where lower(u.email) = lower(?1) and u.deleted = false")
    Optional<User> findLiveByEmail(String email);

    @Query("select u from User u where u.id = ?1 and u.deleted = false")
    Optional<User> findLive(UUID id);

    /**
     * The live accounts whose phone, however it was typed (spaces, dashes, a {@code +91} or a
     * trunk {@code 0}), has these digits: compared on the last ten digits when {@code digits}
     * has ten or more (an Indian mobile number without its country code), else on all of them.
     */
    @Query(nativeQuery = true, value = """
            select * from app_user u
            where not u.is_deleted and u.phone is not null
              and case when length(?1) >= 10
                       then right(regexp_replace(u.phone, '[^0-9]', '', 'g'), 10) = right(?1, 10)
                       else regexp_replace(u.phone, '[^0-9]', '', 'g') = ?1 end""")
    List<User> findLiveByPhoneDigits(String digits);

    /**
     * Counts a wrong password in one atomic statement, so parallel guesses cannot undercount;
     * the {@code max}-th failure in a row locks the account until {@code lockUntil}. Login
     * bookkeeping does not bump the row version: it must not make an admin's edit fail.
     * Answers whether the account is locked now (an UPDATE ... RETURNING, hence not @Modifying).
     */
    @Query(nativeQuery = true, value = """
            update app_user set
              locked_until = case when failed_login_count + 1 >= ?2 then ?3 else locked_until end,
              failed_login_count = case when failed_login_count + 1 >= ?2 then 0 else failed_login_count + 1 end
            where id = ?1 returning locked_until is not null and locked_until > now()""")
    boolean recordFailedLogin(UUID id, int max, Instant lockUntil);

    /** Records a good login unless the account locked meanwhile (a parallel guess); 0 then. */
    @Modifying
    @Query(nativeQuery = true, value = """
            update app_user set failed_login_count = 0, locked_until = null, last_login_at = ?2
            where id = ?1 and (locked_until is null or locked_until <= ?2)""")
    int recordLogin(UUID id, Instant when);

    @Query("select count(u) from User u where u.role.name = 'DIRECTOR' and u.deleted = false and u.active = true")
    long countActiveDirectors();

    @Query("select count(u) > 0 from User u where u.role.name = ?1 and u.deleted = false")
    boolean existsLiveWithRole(String roleName);

    static Specification<User> live() {
        return (root, query, cb) -> cb.isFalse(root.get("deleted"));
    }

    static Specification<User> matching(String text) {
        String pattern = "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return (root, query, cb) -> cb.or(
                cb.like(cb.lower(root.get("name")), pattern, '\\'),
                cb.like(cb.lower(root.get("email")), pattern, '\\'));
    }

    static Specification<User> withRole(String roleName) {
        return (root, query, cb) -> cb.equal(root.get("role").get("name"), roleName);
    }

    static Specification<User> inBranch(UUID branchId) {
        return (root, query, cb) -> cb.equal(root.get("branchId"), branchId);
    }

    static Specification<User> active(boolean active) {
        return (root, query, cb) -> cb.equal(root.get("active"), active);
    }
}
