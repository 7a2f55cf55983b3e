package dev.coachos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * Each of the ten seeded roles doing the main job its description names, with a real login, and
 * the limits that keep it in its lane. Giving a role still takes outranking it and holding every
 * permission in it, as the caller's role is now, not as an older token says.
 */
class RoleMatrixIT extends IdentityTestBase {

    private static final Map<String, Object> BANK = Map.of("accountHolderName", "Kavya Menon", "bankName",
            "HDFC Bank", "accountNumber", "123456789012", "ifsc", "HDFC0001234", "accountType", "SAVINGS");

    private String director;
    private UUID branch;
    private UUID otherBranch;

    @BeforeEach
    void setUp() {
        director = director();
        branch = createBranch(director, "RM-" + UUID.randomUUID().toString().substring(0, 6));
        otherBranch = createBranch(director, "RO-" + UUID.randomUUID().toString().substring(0, 6));
    }

    @Test
    void theDirectorAppointsEveryOtherRoleIncludingTheManagersNobodyElseMayAppoint() {
        for (String role : List.of("GENERAL_MANAGER", "ADMIN", "HR_MANAGER", "PAYROLL_MANAGER", "BUSINESS_ANALYST",
                "DIGITAL_MARKETING", "BACKOFFICE", "TEACHER", "STUDENT")) {
            Response created = create(director, role, branch);
            assertThat(created.status()).as(role + ": " + created).isEqualTo(201);
            assertThat(created.text("role")).isEqualTo(role);
        }
    }

    @Test
    void aGeneralManagerOpensABranchAndStaffsIt() {
        String manager = logIn(createUser(director, unique("gm"), "GENERAL_MANAGER", null, PASSWORD));
        Response opened = api.post("/api/v1/branches", manager, Map.of("code", "GM-" + UUID.randomUUID()
                .toString().substring(0, 6), "name", "New branch"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        UUID newBranch = UUID.fromString(opened.text("id"));
        for (String role : List.of("BACKOFFICE", "TEACHER", "BUSINESS_ANALYST", "DIGITAL_MARKETING", "STUDENT")) {
            assertThat(create(manager, role, newBranch).status()).as(role).isEqualTo(201);
        }
        assertThat(api.get("/api/v1/users?branchId=" + otherBranch, manager).status()).as("every branch")
                .isEqualTo(200);
        assertThat(create(manager, "ADMIN", newBranch).status()).as("admins hold manage:roles").isEqualTo(403);
    }

    @Test
    void anAdminSetsUpARoleAndASettingAndStaffsTheRole() {
        String admin = logIn(createUser(director, unique("admin"), "ADMIN", null, PASSWORD));
        String roleName = "COUNSELLOR_" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        Response role = api.post("/api/v1/roles", admin, Map.of("name", roleName, "profileType", "STAFF",
                "rank", 45, "permissions", List.of("read:courses", "manage:queries")));
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        assertThat(create(admin, roleName, branch).status()).isEqualTo(201);
        assertThat(api.put("/api/v1/settings/site.name", admin, Map.of("value", "Coaching Center",
                "category", "general")).status()).isEqualTo(200);
        assertThat(create(admin, "TEACHER", branch).status()).isEqualTo(201);
    }

    @Test
    void anHrManagerHiresATeacherAndABackOfficeClerkAndKeepsTheirFilesInTheirBranch() {
        String hr = logIn(createUser(director, unique("hr"), "HR_MANAGER", branch, PASSWORD));

        Response teacher = create(hr, "TEACHER", null);
        assertThat(teacher.status()).as(teacher.toString()).isEqualTo(201);
        assertThat(teacher.text("branchId")).as("their own branch by default").isEqualTo(branch.toString());
        Response clerk = create(hr, "BACKOFFICE", branch);
        assertThat(clerk.status()).as(clerk.toString()).isEqualTo(201);

        Response file = api.put("/api/v1/profiles/" + clerk.text("id") + "/staff", hr, Map.of(
                "department", "Front office", "designation", "Clerk", "bankDetails", BANK));
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/profiles/" + clerk.text("id"), hr).json().path("staff").path("bankDetails")
                .path("accountNumber").asString()).isEqualTo("123456789012");
        assertThat(api.patch("/api/v1/users/" + teacher.text("id"), hr, Map.of("name", "Kavya Menon")).status())
                .isEqualTo(200);

        assertThat(create(hr, "TEACHER", otherBranch).status()).as("another branch").isEqualTo(403);
        assertThat(create(hr, "PAYROLL_MANAGER", branch).status()).as("an equal rank").isEqualTo(403);
        assertThat(create(hr, "ADMIN", branch).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/users/" + teacher.text("id"), hr).status())
                .as("HR does not hold delete:users").isEqualTo(403);
    }

    @Test
    void aPayrollManagerReadsWhoIsPaidAndWhereButChangesNoAccount() {
        UUID teacherId = createUser(director, unique("t"), "TEACHER", branch, PASSWORD);
        String teacher = logIn(teacherId);
        api.put("/api/v1/profiles/me/bank-details", teacher, BANK);
        String payroll = logIn(createUser(director, unique("pay"), "PAYROLL_MANAGER", branch, PASSWORD));

        Response staff = api.get("/api/v1/users?role=TEACHER", payroll);
        assertThat(staff.status()).isEqualTo(200);
        assertThat(staff.json().path("content").valueStream().map(u -> u.path("id").asString()))
                .contains(teacherId.toString());
        assertThat(api.get("/api/v1/profiles/" + teacherId, payroll).json().path("teacher").path("bankDetails")
                .path("ifsc").asString()).isEqualTo("HDFC0001234");
        assertThat(api.patch("/api/v1/users/" + teacherId, payroll, Map.of("name", "X")).status()).isEqualTo(403);
        assertThat(create(payroll, "STUDENT", branch).status()).isEqualTo(403);
    }

    @Test
    void aBusinessAnalystReadsTheBranchesPeopleAndChangesNothing() {
        UUID student = createUser(director, unique("s"), "STUDENT", branch, PASSWORD);
        String analyst = logIn(createUser(director, unique("ba"), "BUSINESS_ANALYST", branch, PASSWORD));
        Response users = api.get("/api/v1/users?size=100", analyst);
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.json().path("content").valueStream().map(u -> u.path("id").asString()))
                .contains(student.toString());
        assertThat(api.get("/api/v1/branches", analyst).status()).isEqualTo(200);
        assertThat(create(analyst, "STUDENT", branch).status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/users/" + student, analyst, Map.of("name", "X")).status()).isEqualTo(403);
    }

    @Test
    void digitalMarketingReadsTheBranchesItAdvertisesButNotThePeople() {
        String marketing = logIn(createUser(director, unique("dm"), "DIGITAL_MARKETING", branch, PASSWORD));
        assertThat(api.get("/api/v1/branches/" + branch, marketing).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/profiles/me", marketing).json().path("staff").path("id").asString())
                .isNotBlank();
        assertThat(api.get("/api/v1/users", marketing).status()).isEqualTo(403);
    }

    @Test
    void backOfficeCreatesAStudentInItsBranchAndSetsTheirFile() {
        String clerk = logIn(createUser(director, unique("bo"), "BACKOFFICE", branch, PASSWORD));
        Response student = create(clerk, "STUDENT", null);
        assertThat(student.status()).as(student.toString()).isEqualTo(201);
        assertThat(student.text("branchId")).isEqualTo(branch.toString());
        Response file = api.put("/api/v1/profiles/" + student.text("id") + "/student", clerk,
                Map.of("enrollmentDate", "2026-06-01", "discount", 1500.00));
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.json().path("student").path("discount").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(create(clerk, "TEACHER", branch).status()).as("teachers hold manage:quizzes").isEqualTo(403);
    }

    @Test
    void aTeacherReadsTheirOwnProfileKeepsTheirBankDetailsAndLooksUpAStudent() {
        UUID student = createUser(director, unique("s"), "STUDENT", branch, PASSWORD);
        UUID teacherId = createUser(director, unique("t"), "TEACHER", branch, PASSWORD);
        String teacher = logIn(teacherId);
        Response mine = api.get("/api/v1/profiles/me", teacher);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.text("role")).isEqualTo("TEACHER");
        assertThat(mine.json().path("teacher").path("id").asString()).isNotBlank();
        assertThat(api.put("/api/v1/profiles/me/bank-details", teacher, BANK).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/" + student, teacher).status()).isEqualTo(200);
        assertThat(create(teacher, "STUDENT", branch).status()).isEqualTo(403);
    }

    @Test
    void aStudentSeesTheirOwnAccountAndProfileAndNothingElse() {
        UUID other = createUser(director, unique("s"), "STUDENT", branch, PASSWORD);
        UUID id = createUser(director, unique("s"), "STUDENT", branch, PASSWORD);
        String student = logIn(id);
        assertThat(api.get("/api/v1/users/me", student).text("id")).isEqualTo(id.toString());
        assertThat(api.get("/api/v1/profiles/me", student).json().path("student").path("id").asString())
                .isNotBlank();
        assertThat(api.get("/api/v1/users/" + other, student).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/profiles/" + other, student).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/branches", student).status()).isEqualTo(403);
    }

    @Test
    void aManagerDemotedAMomentAgoHiresNobodyWithTheTokenTheyStillHold() {
        UUID clerkId = createUser(director, unique("bo"), "BACKOFFICE", branch, PASSWORD);
        String clerk = logIn(clerkId);
        assertThat(create(clerk, "STUDENT", branch).status()).isEqualTo(201);

        assertThat(api.put("/api/v1/users/" + clerkId + "/role", director, Map.of("roleName", "TEACHER")).status())
                .isEqualTo(200);
        Response hire = create(clerk, "STUDENT", branch);
        assertThat(hire.status()).as("the token still lists create:users; the role no longer does")
                .isEqualTo(403);
        assertThat(hire.text("type")).isEqualTo("urn:coachos:problem:forbidden");
    }

    @Test
    void anAdminDemotedAMomentAgoGrantsNothingWithTheTokenTheyStillHold() {
        UUID adminId = createUser(director, unique("admin"), "ADMIN", null, PASSWORD);
        String admin = logIn(adminId);
        String roleName = "HELPDESK_" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        Response role = api.post("/api/v1/roles", admin, Map.of("name", roleName, "profileType", "STAFF",
                "rank", 20, "permissions", List.of("read:courses")));
        assertThat(role.status()).as(role.toString()).isEqualTo(201);

        assertThat(api.put("/api/v1/users/" + adminId + "/role", director, Map.of("roleName", "TEACHER")).status())
                .isEqualTo(200);
        Response grant = api.post("/api/v1/roles/" + role.text("id") + "/permissions", admin,
                Map.of("permission", "manage:queries"));
        assertThat(grant.status()).as(grant.toString()).isEqualTo(403);
        assertThat(api.get("/api/v1/roles/" + role.text("id"), director).json().path("permissions").valueStream()
                .map(JsonNode::asString)).containsExactly("read:courses");
    }

    @Test
    void waivingFeesIsInTheCatalogueAndIsGrantedOnlyByWhoeverHoldsIt() {
        Response catalogue = api.get("/api/v1/permissions", director);
        assertThat(catalogue.status()).as(catalogue.toString()).isEqualTo(200);
        assertThat(catalogue.json().valueStream().filter(p -> p.path("code").asString().equals("waive:fees"))
                .map(p -> p.path("description").asString())).containsExactly("Waive what is unpaid of an installment");

        String roleName = "FEE_DESK_" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        Response role = api.post("/api/v1/roles", director, Map.of("name", roleName, "profileType", "STAFF",
                "rank", 30, "permissions", List.of("read:fees", "waive:fees")));
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        // An admin manages roles but not fees: it cannot hand out the power to waive them.
        String admin = logIn(createUser(director, unique("admin"), "ADMIN", null, PASSWORD));
        Response other = api.post("/api/v1/roles", admin, Map.of("name", roleName + "_2", "profileType", "STAFF",
                "rank", 30, "permissions", List.of("read:courses")));
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        assertThat(api.post("/api/v1/roles/" + other.text("id") + "/permissions", admin,
                Map.of("permission", "waive:fees")).status()).isEqualTo(403);
    }

    @Test
    void messagingIsInTheCatalogueAdminsManageItAndTheBackOfficeReadsTheDeliveryLog() {
        Response catalogue = api.get("/api/v1/permissions", director);
        assertThat(catalogue.status()).as(catalogue.toString()).isEqualTo(200);
        assertThat(catalogue.json().valueStream()
                .filter(p -> p.path("code").asString().endsWith(":messages"))
                .map(p -> p.path("code").asString() + " " + p.path("description").asString()))
                .containsExactlyInAnyOrder("manage:messages Manage message templates, opt-outs and the delivery log",
                        "read:messages Read the delivery log");
        assertThat(permissionsOf("ADMIN")).contains("manage:messages").doesNotContain("read:messages");
        assertThat(permissionsOf("BACKOFFICE")).contains("read:messages").doesNotContain("manage:messages");
        // Those who appoint back-office staff hold what it holds.
        assertThat(permissionsOf("GENERAL_MANAGER")).contains("read:messages");
        assertThat(permissionsOf("HR_MANAGER")).contains("read:messages");
        for (String role : List.of("TEACHER", "STUDENT", "PAYROLL_MANAGER")) {
            assertThat(permissionsOf(role)).as(role).doesNotContain("read:messages", "manage:messages");
        }
    }

    private List<String> permissionsOf(String roleName) {
        Response roles = api.get("/api/v1/roles", director);
        assertThat(roles.status()).as(roles.toString()).isEqualTo(200);
        return roles.json().valueStream().filter(r -> r.path("name").asString().equals(roleName)).findFirst()
                .map(r -> r.path("permissions").valueStream().map(JsonNode::asString).toList())
                .orElseThrow(() -> new AssertionError("no role " + roleName + " in " + roles));
    }

    @Test
    void aDeactivatedClerksTokenHiresNobody() {
        UUID clerkId = createUser(director, unique("bo"), "BACKOFFICE", branch, PASSWORD);
        String clerk = logIn(clerkId);
        assertThat(create(clerk, "STUDENT", branch).status()).isEqualTo(201);

        assertThat(api.patch("/api/v1/users/" + clerkId, director, Map.of("active", false)).status()).isEqualTo(200);
        assertThat(create(clerk, "STUDENT", branch).status()).isEqualTo(403);
    }

    private static final String PASSWORD = "role-matrix-pass-1";

    private Response create(String token, String role, UUID inBranch) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("email", unique(role.toLowerCase()),
                "name", "New " + role, "roleName", role, "password", PASSWORD));
        if (inBranch != null) {
            body.put("branchId", inBranch.toString());
        }
        return api.post("/api/v1/users", token, body);
    }

    private String logIn(UUID userId) {
        return api.login(api.get("/api/v1/users/" + userId, director).text("email"), PASSWORD).access();
    }
}
