package dev.coachos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;

/** Creating and managing users, with the refusals a director, staff and students meet. */
class UserAdministrationIT extends IdentityTestBase {

    private String director;
    private UUID delhi;
    private UUID mumbai;

    @BeforeEach
    void branches() {
        director = director();
        delhi = createBranch(director, "DEL-" + UUID.randomUUID().toString().substring(0, 6));
        mumbai = createBranch(director, "MUM-" + UUID.randomUUID().toString().substring(0, 6));
    }

    @Test
    void aDirectorCreatesAStudentWhoReadsTheirOwnProfile() {
        String email = unique("student");
        Response created = api.post("/api/v1/users", director, Map.of("email", email, "name", "Asha Rao",
                "phone", "+91 98765 43210", "roleName", "STUDENT", "branchId", delhi.toString(),
                "password", "asha-secret-1"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/users/" + created.text("id"));
        assertThat(created.raw()).doesNotContain("password").doesNotContain("$2a$").doesNotContain("{bcrypt}");

        String student = api.login(email.toUpperCase(), "asha-secret-1").access();
        Response me = api.get("/api/v1/users/me", student);
        assertThat(me.text("name")).isEqualTo("Asha Rao");
        assertThat(me.text("role")).isEqualTo("STUDENT");
        assertThat(me.text("branchId")).isEqualTo(delhi.toString());
        Response profile = api.get("/api/v1/profiles/me", student);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().path("student").path("id").isMissingNode()).isFalse();
    }

    @Test
    void aStudentCannotUseUserAdministration() {
        String student = login(createUser(director, unique("s"), "STUDENT", delhi, "student-pass-1"));
        Response list = api.get("/api/v1/users", student);
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.text("type")).isEqualTo("urn:coachos:problem:forbidden");
        assertThat(api.post("/api/v1/users", student, Map.of("email", unique("x"), "name", "X",
                "roleName", "STUDENT")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/roles", student).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/settings/site.name", student,
                Map.of("value", "x", "category", "general")).status()).isEqualTo(403);
    }

    @Test
    void aStudentCannotReadAnotherUserEvenWithAnIdentityHeader() {
        UUID other = createUser(director, unique("s"), "STUDENT", delhi, "student-pass-1");
        String student = login(createUser(director, unique("s"), "STUDENT", delhi, "student-pass-1"));
        Response response = api.send("GET", "/api/v1/users/" + other, student, null,
                Map.of("X-User-Id", other.toString(), "X-User-Roles", "DIRECTOR"));
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void branchStaffManageOnlyTheirOwnBranch() {
        String backoffice = login(createUser(director, unique("bo"), "BACKOFFICE", delhi, "backoffice-pass-1"));
        UUID mumbaiStudent = createUser(director, unique("s"), "STUDENT", mumbai, "student-pass-1");
        UUID delhiStudent = createUser(director, unique("s"), "STUDENT", delhi, "student-pass-1");

        assertThat(api.get("/api/v1/users/" + mumbaiStudent, backoffice).status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/users/" + mumbaiStudent, backoffice, Map.of("name", "X")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/users", backoffice, Map.of("email", unique("s"), "name", "New",
                "roleName", "STUDENT", "branchId", mumbai.toString())).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/users?branchId=" + mumbai, backoffice).status()).isEqualTo(403);

        Response own = api.get("/api/v1/users/" + delhiStudent, backoffice);
        assertThat(own.status()).isEqualTo(200);
        Response listed = api.get("/api/v1/users?size=100", backoffice);
        assertThat(listed.json().path("content").valueStream().map(u -> u.path("branchId").asString()).distinct())
                .containsExactly(delhi.toString());

        // A new user without a branch lands in the caller's branch.
        Response created = api.post("/api/v1/users", backoffice, Map.of("email", unique("s"), "name", "New",
                "roleName", "STUDENT", "password", "student-pass-1"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("branchId")).isEqualTo(delhi.toString());
    }

    @Test
    void staffCannotCreateOrPromoteAboveTheirRank() {
        String backoffice = login(createUser(director, unique("bo"), "BACKOFFICE", delhi, "backoffice-pass-1"));
        Response director2 = api.post("/api/v1/users", backoffice, Map.of("email", unique("d"), "name", "Evil",
                "roleName", "DIRECTOR", "branchId", delhi.toString()));
        assertThat(director2.status()).isEqualTo(403);
        UUID student = createUser(director, unique("s"), "STUDENT", delhi, "student-pass-1");
        assertThat(api.put("/api/v1/users/" + student + "/role", backoffice, Map.of("roleName", "ADMIN")).status())
                .isEqualTo(403);
        UUID peer = createUser(director, unique("bo"), "BACKOFFICE", delhi, "backoffice-pass-1");
        assertThat(api.delete("/api/v1/users/" + peer, backoffice).status()).isEqualTo(403);
    }

    @Test
    void nobodyGivesARoleHoldingPermissionsTheyLack() {
        String admin = login(createUser(director, unique("admin"), "ADMIN", null, "admin-pass-12"));
        Response hr = api.post("/api/v1/users", admin, Map.of("email", unique("hr"), "name", "Puppet",
                "roleName", "HR_MANAGER", "branchId", delhi.toString(), "password", "puppet-pass-1"));
        assertThat(hr.status()).as("HR holds read:bank_details, which admins do not").isEqualTo(403);
        String backoffice = login(createUser(director, unique("bo"), "BACKOFFICE", delhi, "backoffice-pass-1"));
        Response teacher = api.post("/api/v1/users", backoffice, Map.of("email", unique("t"), "name", "Puppet",
                "roleName", "TEACHER", "password", "puppet-pass-1"));
        assertThat(teacher.status()).as("teachers hold manage:quizzes").isEqualTo(403);
        UUID self = UUID.fromString(api.get("/api/v1/users/me", backoffice).text("id"));
        assertThat(api.put("/api/v1/users/" + self + "/role", backoffice, Map.of("roleName", "STUDENT")).status())
                .isEqualTo(403);
    }

    @Test
    void theLastActiveDirectorStays() {
        UUID me = UUID.fromString(api.get("/api/v1/users/me", director).text("id"));
        Response demote = api.put("/api/v1/users/" + me + "/role", director, Map.of("roleName", "ADMIN"));
        assertThat(demote.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/users/me", director).text("role")).isEqualTo("DIRECTOR");
    }

    @Test
    void badInputIsRefusedWithFieldErrors() {
        Response malformed = api.post("/api/v1/users", director, "{\"email\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("type")).isEqualTo("urn:coachos:problem:malformed-request");

        Response missing = api.post("/api/v1/users", director, Map.of("email", "not-an-email"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("type")).isEqualTo("urn:coachos:problem:validation");
        assertThat(missing.errorFields()).contains("email", "name", "roleName");

        Response oversized = api.post("/api/v1/users", director, Map.of("email", unique("x"),
                "name", "n".repeat(121), "roleName", "STUDENT", "branchId", delhi.toString()));
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.errorFields()).containsExactly("name");

        Response unknownRole = api.post("/api/v1/users", director, Map.of("email", unique("x"), "name", "X",
                "roleName", "WIZARD", "branchId", delhi.toString()));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.errorFields()).containsExactly("roleName");

        Response wrongType = api.post("/api/v1/users", director, Map.of("email", unique("x"), "name", "X",
                "roleName", "STUDENT", "branchId", "not-a-uuid"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.errorFields()).containsExactly("branchId");

        Response shortPassword = api.post("/api/v1/users", director, Map.of("email", unique("x"), "name", "X",
                "roleName", "STUDENT", "branchId", delhi.toString(), "password", "short"));
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.errorFields()).containsExactly("password");

        Response hugeBody = api.post("/api/v1/users", director, "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        assertThat(hugeBody.status()).isEqualTo(413);

        Response wrongMediaType = api.send("POST", "/api/v1/users", director, "email=x",
                Map.of("Content-Type", "text/plain"));
        assertThat(wrongMediaType.status()).isEqualTo(415);

        Response badSort = api.get("/api/v1/users?sort=passwordHash", director);
        assertThat(badSort.status()).isEqualTo(400);

        // One paging rule for every service: a size above 100 is refused, not clamped.
        assertThat(api.get("/api/v1/users?size=1000", director).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/branches?page=2000000000&size=100", director).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/roles", director, "{\"name\":\"X_ROLE\",\"profileType\":\"STAFF\",\"rank\":1,"
                + "\"permissions\":[null]}").status()).isEqualTo(400);
        assertThat(api.put("/api/v1/settings/site.name", director, "{\"value\":null,\"category\":\"general\"}")
                .status()).isEqualTo(400);
    }

    @Test
    void aDuplicateEmailConflictsWhateverItsCase() {
        String email = unique("dup");
        createUser(director, email, "STUDENT", delhi, "student-pass-1");
        Response again = api.post("/api/v1/users", director, Map.of("email", email.toUpperCase(), "name", "Again",
                "roleName", "STUDENT", "branchId", delhi.toString()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("urn:coachos:problem:conflict");
    }

    @Test
    void searchUpdateAndDeactivate() {
        String email = unique("meera");
        UUID id = createUser(director, email, "TEACHER", delhi, "teacher-pass-1");
        Response found = api.get("/api/v1/users?q=meera&role=TEACHER&branchId=" + delhi, director);
        assertThat(found.json().path("content").valueStream().map(u -> u.path("id").asString()))
                .contains(id.toString());
        assertThat(found.json().path("page").path("totalElements").asLong()).isGreaterThanOrEqualTo(1);

        Response updated = api.patch("/api/v1/users/" + id, director, Map.of("name", "Meera Iyer",
                "branchId", mumbai.toString(), "verified", true));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("name")).isEqualTo("Meera Iyer");
        assertThat(updated.text("branchId")).isEqualTo(mumbai.toString());

        String teacher = api.login(email, "teacher-pass-1").refresh();
        assertThat(api.delete("/api/v1/users/" + id, director).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/users/" + id, director).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/auth/login", null, Map.of("email", email, "password", "teacher-pass-1"))
                .status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", teacher)).status())
                .as("deactivation ends sessions").isEqualTo(401);
        // The address is free again for a new account.
        createUser(director, email, "TEACHER", delhi, "teacher-pass-2");
    }

    @Test
    void bankDetailsAreValidatedAndShownOnlyToTheOwnerAndPayroll() {
        String teacherEmail = unique("t");
        UUID teacherId = createUser(director, teacherEmail, "TEACHER", delhi, "teacher-pass-1");
        String teacher = api.login(teacherEmail, "teacher-pass-1").access();

        Response invalid = api.put("/api/v1/profiles/me/bank-details", teacher, Map.of("accountHolderName", "T",
                "bankName", "HDFC Bank", "accountNumber", "12ab", "ifsc", "HDFC1234", "accountType", "SAVINGS"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).containsExactlyInAnyOrder("accountNumber", "ifsc");

        Response saved = api.put("/api/v1/profiles/me/bank-details", teacher, Map.of("accountHolderName", "T",
                "bankName", "HDFC Bank", "accountNumber", "123456789012", "ifsc", "HDFC0001234",
                "accountType", "SAVINGS"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().path("teacher").path("bankDetails").path("ifsc").asString()).isEqualTo("HDFC0001234");

        String payroll = login(createUser(director, unique("pay"), "PAYROLL_MANAGER", delhi, "payroll-pass-1"));
        String backoffice = login(createUser(director, unique("bo"), "BACKOFFICE", delhi, "backoffice-pass-1"));
        assertThat(api.get("/api/v1/profiles/" + teacherId, payroll).json().path("teacher").path("bankDetails")
                .path("accountNumber").asString()).isEqualTo("123456789012");
        Response redirectSalary = api.put("/api/v1/profiles/" + teacherId + "/teacher", backoffice, Map.of(
                "domain", "Maths", "bankDetails", Map.of("accountHolderName", "Thief", "bankName", "Any Bank",
                        "accountNumber", "999999999999", "ifsc", "ABCD0123456", "accountType", "SAVINGS")));
        assertThat(redirectSalary.status()).isEqualTo(403);
        Response seenByBackoffice = api.get("/api/v1/profiles/" + teacherId, backoffice);
        assertThat(seenByBackoffice.status()).isEqualTo(200);
        assertThat(seenByBackoffice.json().path("teacher").path("bankDetails").isNull()).isTrue();
        assertThat(seenByBackoffice.raw()).doesNotContain("123456789012");
    }

    @Test
    void rolesAreDataThatAdminsChangeWithoutEscalating() {
        Response roles = api.get("/api/v1/roles", director);
        assertThat(roles.json().valueStream().map(r -> r.path("name").asString())).contains("DIRECTOR",
                "GENERAL_MANAGER", "ADMIN", "HR_MANAGER", "PAYROLL_MANAGER", "BUSINESS_ANALYST", "DIGITAL_MARKETING",
                "TEACHER", "BACKOFFICE", "STUDENT");
        String studentRole = roles.json().valueStream().filter(r -> r.path("name").asString().equals("STUDENT"))
                .findFirst().orElseThrow().path("id").asString();
        assertThat(api.delete("/api/v1/roles/" + studentRole, director).status()).isEqualTo(409);

        String roleName = "COUNSELLOR_" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        Response created = api.post("/api/v1/roles", director, Map.of("name", roleName, "profileType", "STAFF",
                "rank", 45, "permissions", List.of("read:leads")));
        assertThat(created.status()).isEqualTo(201);
        String roleId = created.text("id");
        Response granted = api.post("/api/v1/roles/" + roleId + "/permissions", director,
                Map.of("permission", "manage:leads"));
        assertThat(granted.json().path("permissions").valueStream().map(p -> p.asString()))
                .contains("manage:leads", "read:leads");
        assertThat(api.post("/api/v1/roles/" + roleId + "/permissions", director, Map.of("permission", "fly:kites"))
                .status()).isEqualTo(400);

        String admin = login(createUser(director, unique("admin"), "ADMIN", null, "admin-pass-12"));
        String managerRole = roles.json().valueStream()
                .filter(r -> r.path("name").asString().equals("GENERAL_MANAGER")).findFirst().orElseThrow()
                .path("id").asString();
        assertThat(api.delete("/api/v1/roles/" + managerRole + "/permissions/manage:users", admin).status())
                .as("an admin cannot weaken a role that outranks theirs").isEqualTo(403);
        Response escalate = api.post("/api/v1/roles/" + roleId + "/permissions", admin,
                Map.of("permission", "manage:payroll"));
        assertThat(escalate.status()).as("admins do not hold manage:payroll").isEqualTo(403);
        Response revoked = api.delete("/api/v1/roles/" + roleId + "/permissions/read:leads", director);
        assertThat(revoked.json().path("permissions").valueStream().map(p -> p.asString()))
                .doesNotContain("read:leads");
        assertThat(api.delete("/api/v1/roles/" + roleId, director).status()).isEqualTo(204);
    }

    @Test
    void branchesAndSettingsHaveAdminApis() {
        Response duplicate = api.post("/api/v1/branches", director, Map.of("code", api.get("/api/v1/branches/" + delhi,
                director).text("code").toLowerCase(), "name", "Copy"));
        assertThat(duplicate.status()).isEqualTo(409);

        Map<String, Object> value = new HashMap<>();
        value.put("rate", 18);
        value.put("inclusive", false);
        Response put = api.put("/api/v1/settings/fees.gst", director, Map.of("value", value, "category", "payment",
                "description", "GST on tuition fees"));
        assertThat(put.status()).isEqualTo(200);
        Response read = api.get("/api/v1/settings/fees.gst", director);
        assertThat(read.json().path("value").path("rate").asInt()).isEqualTo(18);
        assertThat(api.get("/api/v1/settings?category=payment", director).json().path("content").size())
                .isGreaterThanOrEqualTo(1);
        assertThat(api.put("/api/v1/settings/Bad%20Key", director, Map.of("value", 1, "category", "general")).status())
                .isEqualTo(400);
        assertThat(api.delete("/api/v1/settings/fees.gst", director).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/settings/fees.gst", director).status()).isEqualTo(404);
    }

    private String login(UUID userId) {
        String email = api.get("/api/v1/users/" + userId, director).text("email");
        String password = switch (api.get("/api/v1/users/" + userId, director).text("role")) {
            case "STUDENT" -> "student-pass-1";
            case "BACKOFFICE" -> "backoffice-pass-1";
            case "PAYROLL_MANAGER" -> "payroll-pass-1";
            case "ADMIN" -> "admin-pass-12";
            default -> throw new IllegalArgumentException();
        };
        return api.login(email, password).access();
    }
}
