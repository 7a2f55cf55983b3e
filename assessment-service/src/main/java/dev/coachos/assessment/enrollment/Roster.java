package dev.coachos.assessment.enrollment;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who studies what, from the enrollment read model: a student's ACTIVE enrollment in a course, and
 * the curriculum they follow there (their batch teacher's approved version, else the official one).
 */
@Service
public class Roster {

    private final JdbcClient jdbc;

    Roster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A student's place in a course: the batch, its branch, and the curriculum they follow (null
     * when no curriculum of the course has been published yet).
     */
    public record Place(UUID batchId, UUID branchId, UUID curriculumId) {
    }

    /** The student's ACTIVE enrollment in the course, if they have one. */
    public Optional<Place> activePlace(UUID studentId, UUID courseId) {
        return jdbc.sql("""
                select e.batch_id, coalesce(e.branch_id, b.branch_id) as branch_id,
                    (select c.curriculum_id from curriculum_view c
                     where c.course_id = e.course_id and (c.teacher_id = b.teacher_id or c.teacher_id is null)
                     order by c.teacher_id nulls last limit 1) as curriculum_id
                from enrollment_view e left join batch_view b on b.batch_id = e.batch_id
                where e.student_id = ? and e.course_id = ? and e.status = 'ACTIVE'
                order by e.updated_at desc limit 1""")
                .params(studentId, courseId)
                .query((rs, n) -> new Place(rs.getObject("batch_id", UUID.class), rs.getObject("branch_id", UUID.class),
                        rs.getObject("curriculum_id", UUID.class)))
                .optional();
    }

    /** The teacher of the batch of the student's latest enrollment in the course, whatever its status. */
    public Optional<UUID> batchTeacher(UUID studentId, UUID courseId) {
        return jdbc.sql("""
                select b.teacher_id from enrollment_view e join batch_view b on b.batch_id = e.batch_id
                where e.student_id = ? and e.course_id = ? and b.teacher_id is not null
                order by e.updated_at desc limit 1""")
                .params(studentId, courseId).query(UUID.class).optional();
    }

    /**
     * A condition that keeps the rows of students a caller may see: everyone for teachers (of the
     * course: checked before) and staff who see every branch; for other staff the students whose
     * enrollment in the course is in their branch (nobody when they have no branch).
     *
     * @param sql    an {@code and ...} clause over {@code studentColumn}, or nothing
     * @param params its named parameters
     */
    public record BranchFilter(String sql, java.util.Map<String, Object> params) {
    }

    public BranchFilter branchFilter(dev.coachos.platform.security.Caller caller, UUID courseId, String studentColumn) {
        if (caller.teacherProfileId().isPresent() || caller.seesAllBranches()) {
            return new BranchFilter("", java.util.Map.of());
        }
        if (caller.branchId().isEmpty()) {
            return new BranchFilter(" and false", java.util.Map.of());
        }
        return new BranchFilter(" and " + studentColumn + " in (select e.student_id from enrollment_view e"
                + " left join batch_view b on b.batch_id = e.batch_id where e.course_id = :filterCourse"
                + " and coalesce(e.branch_id, b.branch_id) = :filterBranch)",
                java.util.Map.of("filterCourse", courseId, "filterBranch", caller.branchId().get()));
    }

    /** The branch of the student's (latest) enrollment in the course, whatever its status. */
    public Optional<UUID> branchOf(UUID studentId, UUID courseId) {
        return jdbc.sql("""
                select coalesce(e.branch_id, b.branch_id) from enrollment_view e
                left join batch_view b on b.batch_id = e.batch_id
                where e.student_id = ? and e.course_id = ? order by e.updated_at desc limit 1""")
                .params(studentId, courseId).query(UUID.class).optional();
    }
}
