package dev.coachos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.OutboxReader;
import tools.jackson.databind.JsonNode;

/**
 * A student profile's guardians: at most two, each with a name, a relation and a phone kept in
 * E.164 (India unless the number says otherwise), an e-mail if they have one. They are replaced
 * together, published with the profile, and read and changed by exactly those who read and change
 * the profile; the student reads their own.
 */
class StudentGuardiansIT extends IdentityTestBase {

    private static final String PASSWORD = "guardian-pass-1";

    @Autowired
    JdbcTemplate jdbc;

    private String director;
    private UUID branch;
    private UUID student;

    @BeforeEach
    void aStudent() {
        director = director();
        branch = createBranch(director, "SG-" + UUID.randomUUID().toString().substring(0, 6));
        student = createUser(director, unique("sg"), "STUDENT", branch, PASSWORD);
    }

    @Test
    void guardiansAreKeptInE164ShownInTheirOrderAndPublishedWithTheProfile() {
        Response saved = put(director, Map.of("stateCode", "07", "guardians", List.of(
                guardian(" Meera Sharma ", "MOTHER", "098100 00001", "meera@example.in"),
                guardian("Raj Sharma", "FATHER", "+91-98100-00002", null))));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        JsonNode guardians = saved.json().path("student").path("guardians");
        assertThat(guardians.valueStream().map(g -> g.path("name").asString() + "|" + g.path("relation").asString()
                + "|" + g.path("phone").asString())).containsExactly("Meera Sharma|MOTHER|+919810000001",
                        "Raj Sharma|FATHER|+919810000002");
        assertThat(guardians.get(0).path("email").asString()).isEqualTo("meera@example.in");
        assertThat(guardians.get(1).path("email").isNull()).isTrue();
        assertThat(jdbc.queryForList("""
                select g.position || ':' || g.phone from student_guardian g
                join student_profile p on p.id = g.student_profile_id where p.user_id = ? order by g.position""",
                String.class, student)).containsExactly("1:+919810000001", "2:+919810000002");

        JsonNode published = new OutboxReader(jdbc).payloads("StudentProfileUpdated", student.toString()).getLast();
        assertThat(published.path("stateCode").asString()).isEqualTo("07");
        JsonNode sent = published.path("guardians");
        assertThat(sent.size()).isEqualTo(2);
        assertThat(sent.get(0).propertyNames()).containsExactlyInAnyOrder("name", "relation", "phone", "email");
        assertThat(sent.get(0).path("name").asString()).isEqualTo("Meera Sharma");
        assertThat(sent.get(0).path("relation").asString()).isEqualTo("MOTHER");
        assertThat(sent.get(0).path("phone").asString()).isEqualTo("+919810000001");
        assertThat(sent.get(0).path("email").asString()).isEqualTo("meera@example.in");
        assertThat(sent.get(1).path("phone").asString()).isEqualTo("+919810000002");
        assertThat(sent.get(1).path("email").isNull()).isTrue();
    }

    @Test
    void givenGuardiansReplaceAllLeftOutTheyStayAndAnEmptyListRemovesThem() {
        assertThat(put(director, Map.of("guardians", List.of(guardian("Meera", "MOTHER", "9810000001", null),
                guardian("Raj", "FATHER", "9810000002", null)))).status()).isEqualTo(200);

        Response replaced = put(director, Map.of("guardians", List.of(
                guardian("Anil", "GUARDIAN", "+1 650 253 0000", "anil@example.com"))));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(phones(replaced)).containsExactly("+16502530000");

        Response kept = put(director, Map.of("discount", 100));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(phones(kept)).as("left out, they stay").containsExactly("+16502530000");
        assertThat(new OutboxReader(jdbc).payloads("StudentProfileUpdated", student.toString()).getLast()
                .path("guardians").get(0).path("name").asString()).isEqualTo("Anil");

        Response removed = put(director, Map.of("guardians", List.of()));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(phones(removed)).isEmpty();
        assertThat(jdbc.queryForObject("""
                select count(*) from student_guardian g join student_profile p on p.id = g.student_profile_id
                where p.user_id = ?""", Integer.class, student)).isZero();
        JsonNode last = new OutboxReader(jdbc).payloads("StudentProfileUpdated", student.toString()).getLast();
        assertThat(last.path("guardians").isArray()).isTrue();
        assertThat(last.path("guardians").size()).isZero();
    }

    @Test
    void badGuardiansAreRefusedNamingTheFieldAndNothingChanges() {
        assertThat(put(director, Map.of("guardians", List.of(guardian("Meera", "MOTHER", "9810000001", null))))
                .status()).isEqualTo(200);
        int events = new OutboxReader(jdbc).payloads("StudentProfileUpdated", student.toString()).size();

        refused(Map.of("guardians", List.of(guardian("A", "MOTHER", "9810000003", null),
                guardian("B", "FATHER", "9810000004", null), guardian("C", "OTHER", "9810000005", null))), "guardians");
        refused(Map.of("guardians", List.of(guardian("A", "MOTHER", "12345", null))), "guardians[0].phone");
        refused(Map.of("guardians", List.of(guardian("A", "MOTHER", "9810000003", null),
                guardian("B", "FATHER", "abcdefghij", null))), "guardians[1].phone");
        refused(Map.of("guardians", List.of(guardian("A", "MOTHER", "098100 00003", null),
                guardian("B", "FATHER", "+91 98100 00003", null))), "guardians[1].phone");
        refused(Map.of("guardians", List.of(guardian("A", "MOTHER", null, null))), "guardians[0].phone");
        refused(Map.of("guardians", List.of(guardian(" ", "MOTHER", "9810000003", null))), "guardians[0].name");
        refused(Map.of("guardians", List.of(guardian("A".repeat(121), "MOTHER", "9810000003", null))),
                "guardians[0].name");
        refused(Map.of("guardians", List.of(guardian("A", "UNCLE", "9810000003", null))), "guardians[0].relation");
        refused(Map.of("guardians", List.of(guardian("A", null, "9810000003", null))), "guardians[0].relation");
        refused(Map.of("guardians", List.of(guardian("A", "MOTHER", "9810000003", "not-an-address"))),
                "guardians[0].email");

        assertThat(phones(api.get("/api/v1/profiles/" + student, director))).containsExactly("+919810000001");
        assertThat(new OutboxReader(jdbc).payloads("StudentProfileUpdated", student.toString())).hasSize(events);
    }

    @Test
    void whoReadsAndChangesTheProfileReadsAndChangesTheGuardiansAndTheStudentReadsTheirOwn() {
        Map<String, Object> one = Map.of("guardians", List.of(guardian("Meera", "MOTHER", "9810000001", null)));
        String clerk = logIn(createUser(director, unique("bo"), "BACKOFFICE", branch, PASSWORD));
        Response byClerk = put(clerk, one);
        assertThat(byClerk.status()).as("a back-office clerk of the branch: " + byClerk).isEqualTo(200);

        UUID otherBranch = createBranch(director, "SO-" + UUID.randomUUID().toString().substring(0, 6));
        String elsewhere = logIn(createUser(director, unique("bo"), "BACKOFFICE", otherBranch, PASSWORD));
        assertThat(put(elsewhere, Map.of("guardians", List.of())).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/profiles/" + student, elsewhere).status()).isEqualTo(403);

        String own = logIn(student);
        Response mine = api.get("/api/v1/profiles/me", own);
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(phones(mine)).containsExactly("+919810000001");
        assertThat(put(own, Map.of("guardians", List.of())).status()).as("not through this endpoint")
                .isEqualTo(403);

        String classmate = logIn(createUser(director, unique("sg"), "STUDENT", branch, PASSWORD));
        assertThat(api.get("/api/v1/profiles/" + student, classmate).status()).isEqualTo(403);
        assertThat(put(classmate, Map.of("guardians", List.of())).status()).isEqualTo(403);
        assertThat(put(classmate, Map.of("guardians", List.of(guardian("A", "MOTHER", "12345", null)))).status())
                .as("the permission is checked before the phone").isEqualTo(403);

        assertThat(phones(api.get("/api/v1/profiles/" + student, director))).as("none of the refused changed them")
                .containsExactly("+919810000001");
    }

    @Test
    void anAccountsPhoneIsPublishedAsStoredWhenItIsRegistered() {
        Response created = api.post("/api/v1/users", director, Map.of("email", unique("ph"), "name", "Asha",
                "roleName", "STUDENT", "branchId", branch.toString(), "phone", "+91 98100 00009"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        JsonNode registered = new OutboxReader(jdbc).payloads("UserRegistered", created.text("id")).getFirst();
        assertThat(registered.path("phone").asString()).isEqualTo("+91 98100 00009");
    }

    private Response put(String token, Map<String, Object> body) {
        return api.put("/api/v1/profiles/" + student + "/student", token, body);
    }

    private void refused(Map<String, Object> body, String field) {
        Response refused = put(director, body);
        assertThat(refused.status()).as(field + ": " + refused).isEqualTo(400);
        assertThat(refused.text("type")).isEqualTo("urn:coachos:problem:validation");
        assertThat(refused.errorFields()).as(refused.toString()).containsExactly(field);
    }

    private static Map<String, Object> guardian(String name, String relation, String phone, String email) {
        Map<String, Object> guardian = new HashMap<>();
        guardian.put("name", name);
        guardian.put("relation", relation);
        guardian.put("phone", phone);
        guardian.put("email", email);
        return guardian;
    }

    private static List<String> phones(Response profile) {
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        List<String> phones = new ArrayList<>();
        profile.json().path("student").path("guardians").valueStream().forEach(g -> phones.add(g.path("phone").asString()));
        return phones;
    }

    private String logIn(UUID user) {
        String email = jdbc.queryForObject("select email from app_user where id = ?", String.class, user);
        return api.login(email, PASSWORD).access();
    }
}
