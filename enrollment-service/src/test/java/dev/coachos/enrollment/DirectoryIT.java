package dev.coachos.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;

/**
 * Ids that name a person are checked against who that person is (the directory kept from
 * identity's events), branch staff reach only their branch's students, and an account that was
 * deactivated or given another role since its token was issued may not act.
 */
class DirectoryIT extends EnrollmentTestBase {

    @Test
    void onlyAKnownActiveStudentIsEnrolled() {
        UUID course = knownCourse("Who", "1000", true);
        UUID teacherId = UUID.randomUUID();
        UUID batch = batch(course, "Who batch", 30, teacherId, null, Map.of());
        UUID director2 = UUID.randomUUID();
        knownUser(director2, "STAFF", null);

        for (UUID notAStudent : List.of(UUID.randomUUID(), new UUID(0, 0), teacherId, director2)) {
            Response refused = post(director, notAStudent, course, batch);
            assertThat(refused.status()).as(notAStudent.toString()).isEqualTo(400);
            assertThat(refused.errorFields()).containsExactly("studentId");
        }
        assertThat(post(director, UUID.randomUUID(), course, batch).text("detail")).contains("a few seconds");
        assertThat(count("select count(*) from enrollment where batch_id = ?", batch)).isZero();
        assertThat(count("select seats_taken from batch where id = ?", batch)).isZero();
        assertThat(outbox.count("EnrollmentCreated")).isZero();

        UUID student = newStudent();
        assertThat(post(director, student, course, batch).status()).isEqualTo(201);
    }

    @Test
    void aBatchsTeacherMustBeAKnownActiveTeacher() {
        UUID course = knownCourse("Teachers only", "1000", true);
        UUID student = newStudent();
        UUID stranger = UUID.randomUUID();
        for (UUID notATeacher : List.of(student, stranger)) {
            Response refused = api.post("/api/v1/batches", director, Map.of("courseId", course.toString(), "name", "T",
                    "startDate", "2027-01-04", "teacherId", notATeacher.toString()));
            assertThat(refused.status()).as(notATeacher.toString()).isEqualTo(400);
            assertThat(refused.errorFields()).containsExactly("teacherId");
        }
        UUID batch = batch(course, "Taught", 30, null, null, Map.of());
        assertThat(api.patch("/api/v1/batches/" + batch, director, Map.of("teacherId", student.toString())).errorFields())
                .containsExactly("teacherId");
        UUID teacher = UUID.randomUUID();
        knownUser(teacher, "TEACHER", null);
        jdbc.update("update known_user set active = false where user_id = ?", teacher);
        assertThat(api.patch("/api/v1/batches/" + batch, director, Map.of("teacherId", teacher.toString())).status())
                .isEqualTo(409);
        jdbc.update("update known_user set active = true where user_id = ?", teacher);
        assertThat(api.patch("/api/v1/batches/" + batch, director, Map.of("teacherId", teacher.toString())).status())
                .isEqualTo(200);
    }

    @Test
    void branchStaffEnrollOnlyStudentsOfTheirOwnBranch() {
        UUID course = knownCourse("Branches", "1000", true);
        UUID pune = UUID.randomUUID();
        UUID delhi = UUID.randomUUID();
        UUID puneBatch = batch(course, "Pune", 30, null, pune, Map.of());
        UUID delhiStudent = UUID.randomUUID();
        knownUser(delhiStudent, "STUDENT", delhi);
        UUID puneStudent = UUID.randomUUID();
        knownUser(puneStudent, "STUDENT", pune);

        Response across = post(backOffice(pune), delhiStudent, course, puneBatch);
        assertThat(across.status()).isEqualTo(400);
        assertThat(across.errorFields()).containsExactly("studentId");
        assertThat(post(backOffice(pune), puneStudent, course, puneBatch).status()).isEqualTo(201);
        // Head office reaches every branch.
        assertThat(post(director, delhiStudent, course, puneBatch).status()).isEqualTo(201);
    }

    @Test
    void anAccountDeactivatedOrGivenAnotherRoleMayNoLongerActWithItsOldToken() {
        UUID course = knownCourse("Actors", "1000", true);
        UUID branch = UUID.randomUUID();
        UUID staff = UUID.randomUUID();
        knownUser(staff, "STAFF", branch);
        jdbc.update("update known_user set role = 'BACKOFFICE', profile_type = 'STAFF' where user_id = ?", staff);
        String token = KEYS.token().subject(staff).roles(List.of("BACKOFFICE")).branch(branch)
                .permissions(List.of("read:courses", "read:batches", "manage:batches", "manage:enrollments"))
                .staffProfile().sign();
        Map<String, Object> body = Map.of("courseId", course.toString(), "name", "By staff", "startDate", "2027-01-04");
        assertThat(api.post("/api/v1/batches", token, body).status()).isEqualTo(201);

        jdbc.update("update known_user set role = 'STUDENT', profile_type = 'STUDENT' where user_id = ?", staff);
        Response demoted = api.post("/api/v1/batches", token, body);
        assertThat(demoted.status()).isEqualTo(403);
        assertThat(demoted.text("type")).isEqualTo("urn:coachos:problem:stale-token");

        jdbc.update("update known_user set role = 'BACKOFFICE', profile_type = 'STAFF', active = false where user_id = ?",
                staff);
        Response deactivated = api.post("/api/v1/batches", token, body);
        assertThat(deactivated.status()).isEqualTo(403);
        assertThat(deactivated.text("type")).isEqualTo("urn:coachos:problem:account-deactivated");
        UUID student = newStudent();
        UUID batch = batch(course, "Someone's", 30, null, branch, Map.of());
        assertThat(post(token, student, course, batch).status()).isEqualTo(403);
        // Reads are left to the token, which expires within minutes.
        assertThat(api.get("/api/v1/batches", token).status()).isEqualTo(200);
        assertThat(count("select count(*) from batch where name = 'By staff'")).isEqualTo(1);
    }

    private Response post(String token, UUID student, UUID course, UUID batch) {
        return api.post("/api/v1/enrollments", token, Map.of("studentId", student.toString(), "courseId",
                course.toString(), "batchId", batch.toString()));
    }
}
