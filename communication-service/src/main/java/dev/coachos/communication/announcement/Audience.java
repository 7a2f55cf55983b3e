package dev.coachos.communication.announcement;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Whom an announcement addresses; the parts add up, and someone named by several is reached once.
 * Everyone, students, teachers and staff are taken within the author's reach (their branch, or
 * every branch for head office); batches and courses mean their students with an ACTIVE
 * enrollment; roles are role names as identity gives them.
 */
public record Audience(Boolean everyone, Boolean students, Boolean teachers, Boolean staff,
        @Size(max = 100) List<UUID> branchIds, @Size(max = 500) List<UUID> courseIds,
        @Size(max = 500) List<UUID> batchIds,
        @Size(max = 50) List<@Pattern(regexp = "[A-Z][A-Z0-9_]{0,49}", message = "must be a role name such as TEACHER") String> roles,
        @Size(max = 5000) List<UUID> userIds) {

    public Audience {
        everyone = Boolean.TRUE.equals(everyone);
        students = Boolean.TRUE.equals(students);
        teachers = Boolean.TRUE.equals(teachers);
        staff = Boolean.TRUE.equals(staff);
        branchIds = distinct(branchIds);
        courseIds = distinct(courseIds);
        batchIds = distinct(batchIds);
        roles = distinct(roles);
        userIds = distinct(userIds);
    }

    /** Whether it names nobody at all. */
    boolean namesNobody() {
        return !everyone && !students && !teachers && !staff && branchIds.isEmpty() && courseIds.isEmpty()
                && batchIds.isEmpty() && roles.isEmpty() && userIds.isEmpty();
    }

    /** Whether it names batches and nothing else (all a teacher may address). */
    boolean onlyBatches() {
        return !batchIds.isEmpty() && !everyone && !students && !teachers && !staff && branchIds.isEmpty()
                && courseIds.isEmpty() && roles.isEmpty() && userIds.isEmpty();
    }

    private static <T> List<T> distinct(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).distinct().toList();
    }
}
