package dev.coachos.communication;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.ServiceIntegrationTest;

/** Todos through the API: personal and given ones, who reads them, the lists and their filters, bad input. */
@IsolatedDatabase(service = "communication")
class TodosIT extends ServiceIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));

    @Test
    void aStudentKeepsTheirOwnTodosAndNobodyElseFindsThem() {
        UUID student = UUID.randomUUID();
        String token = KEYS.student(student);
        Response created = api.post("/api/v1/todos", token, Map.of("description", "Revise rotational motion",
                "dueDate", TODAY.plusDays(2).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.header("Location")).endsWith("/api/v1/todos/" + id);
        assertThat(created.text("assigneeId")).isEqualTo(student.toString());
        assertThat(created.text("createdBy")).isEqualTo(student.toString());
        assertThat(created.text("priority")).isEqualTo("MEDIUM");
        assertThat(created.text("status")).isEqualTo("OPEN");
        assertThat(api.get("/api/v1/todos/" + id, token).text("description")).isEqualTo("Revise rotational motion");
        // Nobody is told of a todo they made for themselves.
        assertThat(api.get("/api/v1/notifications", token).json().path("page").path("totalElements").asInt()).isZero();

        String stranger = KEYS.director(UUID.randomUUID());
        for (Response attempt : List.of(api.get("/api/v1/todos/" + id, stranger),
                api.patch("/api/v1/todos/" + id, stranger, Map.of("description", "Mine now")),
                api.post("/api/v1/todos/" + id + "/status", stranger, Map.of("status", "DONE")))) {
            assertThat(attempt.status()).as(attempt.toString()).isEqualTo(404);
            assertThat(attempt.text("type")).isEqualTo("urn:coachos:problem:not-found");
        }
        assertThat(api.get("/api/v1/todos", stranger).json().path("page").path("totalElements").asInt()).isZero();
        assertThat(api.get("/api/v1/todos", token).json().path("page").path("totalElements").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/todos", null).status()).isEqualTo(401);

        // A student keeps personal todos only.
        UUID classmate = known("Classmate", true);
        Response given = api.post("/api/v1/todos", token, Map.of("description", "Share notes", "assigneeId", classmate));
        assertThat(given.status()).as(given.toString()).isEqualTo(403);
        assertThat(given.text("type")).isEqualTo("urn:coachos:problem:forbidden");
    }

    @Test
    void staffGiveTodosToActiveUsersWhoAreToldAndBothReadThem() {
        UUID branch = UUID.randomUUID();
        UUID counsellor = UUID.randomUUID();
        known("Priya Nair", true, counsellor);
        UUID colleague = known("Arjun Rao", true);
        UUID former = known("Gone", false);
        String counsellorToken = KEYS.token().subject(counsellor).roles(List.of("BACKOFFICE")).branch(branch)
                .staffProfile().sign();
        String colleagueToken = KEYS.token().subject(colleague).roles(List.of("BACKOFFICE")).branch(branch)
                .staffProfile().sign();
        UUID lead = UUID.randomUUID();

        Response created = api.post("/api/v1/todos", counsellorToken, Map.of("description", "Call back about JEE fees",
                "dueDate", TODAY.plusDays(1).toString(), "priority", "HIGH", "assigneeId", colleague,
                "relatedType", "LEAD", "relatedId", lead));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.text("relatedType")).isEqualTo("LEAD");
        assertThat(created.text("relatedId")).isEqualTo(lead.toString());

        Response told = api.get("/api/v1/notifications", colleagueToken);
        assertThat(told.json().path("content")).singleElement().satisfies(n -> {
            assertThat(n.path("title").asString()).isEqualTo("New todo for you");
            assertThat(n.path("message").asString()).isEqualTo("Priya Nair gave you a todo: Call back about JEE fees."
                    + " It is due on " + java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
                            .format(TODAY.plusDays(1)) + ".");
            assertThat(n.path("type").asString()).isEqualTo("REMINDER");
            assertThat(n.path("link").asString()).isEqualTo("/todos/" + id);
        });

        // The assignee finds it among theirs; the creator among those they gave to that colleague.
        assertThat(ids(api.get("/api/v1/todos?assignee=me", colleagueToken))).containsExactly(id);
        assertThat(ids(api.get("/api/v1/todos?assignee=me", counsellorToken))).isEmpty();
        assertThat(ids(api.get("/api/v1/todos?assignee=" + colleague, counsellorToken))).containsExactly(id);
        assertThat(ids(api.get("/api/v1/todos?relatedType=LEAD&relatedId=" + lead, counsellorToken))).containsExactly(id);
        assertThat(ids(api.get("/api/v1/todos?relatedType=QUERY", counsellorToken))).isEmpty();

        // The assignee changes its priority and closes it; only the creator gives it to someone else.
        Response changed = api.patch("/api/v1/todos/" + id, colleagueToken, Map.of("priority", "URGENT"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("priority")).isEqualTo("URGENT");
        assertThat(changed.text("description")).isEqualTo("Call back about JEE fees");
        Response passOn = api.patch("/api/v1/todos/" + id, colleagueToken, Map.of("assigneeId", counsellor));
        assertThat(passOn.status()).as(passOn.toString()).isEqualTo(403);
        Response toFormer = api.post("/api/v1/todos", counsellorToken, Map.of("description", "x", "assigneeId", former));
        assertThat(toFormer.status()).isEqualTo(400);
        assertThat(toFormer.errorFields()).containsExactly("assigneeId");
        Response toUnknown = api.post("/api/v1/todos", counsellorToken,
                Map.of("description", "x", "assigneeId", UUID.randomUUID()));
        assertThat(toUnknown.errorFields()).containsExactly("assigneeId");

        Response done = api.post("/api/v1/todos/" + id + "/status", colleagueToken, Map.of("status", "DONE"));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.text("status")).isEqualTo("DONE");
        assertThat(done.text("closedAt")).isNotNull();
        assertThat(api.get("/api/v1/todos/" + id, counsellorToken).text("status")).isEqualTo("DONE");
        // Done is final until reopened: no edits, no cancelling; the same status again changes nothing.
        assertThat(api.patch("/api/v1/todos/" + id, counsellorToken, Map.of("description", "Later")).status())
                .isEqualTo(409);
        Response cancel = api.post("/api/v1/todos/" + id + "/status", counsellorToken, Map.of("status", "CANCELLED"));
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.text("type")).isEqualTo("urn:coachos:problem:conflict");
        assertThat(api.post("/api/v1/todos/" + id + "/status", counsellorToken, Map.of("status", "DONE")).status())
                .isEqualTo(200);
        Response reopened = api.post("/api/v1/todos/" + id + "/status", counsellorToken, Map.of("status", "OPEN"));
        assertThat(reopened.text("status")).isEqualTo("OPEN");
        assertThat(reopened.text("closedAt")).isNull();

        // Given to someone else by its creator: the new assignee is told, the former one no longer reads it.
        Response moved = api.patch("/api/v1/todos/" + id, counsellorToken, Map.of("assigneeId", counsellor));
        assertThat(moved.text("assigneeId")).isEqualTo(counsellor.toString());
        assertThat(api.get("/api/v1/todos/" + id, colleagueToken).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/notifications", counsellorToken).json().path("page").path("totalElements").asInt())
                .isZero();
    }

    @Test
    void listsFilterByDueDateAndOverdueAndSortByPriority() {
        UUID teacher = UUID.randomUUID();
        String token = KEYS.teacher(teacher);
        String late = create(token, "Grade worksheet 3", TODAY.minusDays(3), "LOW");
        String today = create(token, "Plan tomorrow's class", TODAY, "URGENT");
        String next = create(token, "Set the mock paper", TODAY.plusDays(5), "HIGH");
        String someday = create(token, "Read the new syllabus", null, "MEDIUM");
        String doneLate = create(token, "Return answer sheets", TODAY.minusDays(1), "HIGH");
        api.post("/api/v1/todos/" + doneLate + "/status", token, Map.of("status", "DONE"));

        assertThat(ids(api.get("/api/v1/todos?overdue=true", token))).containsExactly(late);
        assertThat(ids(api.get("/api/v1/todos?overdue=false", token)))
                .containsExactlyInAnyOrder(today, next, someday, doneLate);
        assertThat(ids(api.get("/api/v1/todos?dueBefore=" + TODAY.plusDays(1) + "&status=OPEN&sort=dueDate", token)))
                .containsExactly(late, today);
        assertThat(ids(api.get("/api/v1/todos?sort=dueDate", token)))
                .containsExactly(late, doneLate, today, next, someday);
        assertThat(ids(api.get("/api/v1/todos?status=OPEN&sort=priority,desc", token)))
                .containsExactly(today, next, someday, late);
        Response page = api.get("/api/v1/todos?size=2&page=1&sort=createdAt,asc", token);
        assertThat(ids(page)).containsExactly(next, someday);
        assertThat(page.json().path("page").path("totalElements").asInt()).isEqualTo(5);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String token = KEYS.teacher(UUID.randomUUID());
        String id = create(token, "Check attendance", null, "LOW");

        assertField(api.post("/api/v1/todos", token, Map.of("description", "  ")), "description");
        assertField(api.post("/api/v1/todos", token, Map.of("description", "x".repeat(2001))), "description");
        assertField(api.post("/api/v1/todos", token, Map.of("description", "x", "priority", "SOON")), "priority");
        assertField(api.post("/api/v1/todos", token, Map.of("description", "x", "dueDate", "2026-13-01")), "dueDate");
        assertField(api.post("/api/v1/todos", token, Map.of("description", "x", "assigneeId", "nobody")), "assigneeId");
        assertField(api.post("/api/v1/todos", token, Map.of("description", "x", "relatedId", UUID.randomUUID())),
                "relatedType");
        assertField(api.post("/api/v1/todos", token, Map.of("description", "x", "relatedType", "LEAD")), "relatedId");
        assertField(api.post("/api/v1/todos", token, Map.of("description", "x", "relatedType", "lead; drop",
                "relatedId", UUID.randomUUID())), "relatedType");
        assertField(api.patch("/api/v1/todos/" + id, token, Map.of("description", " ")), "description");
        assertField(api.patch("/api/v1/todos/" + id, token, Map.of("dueDate", TODAY.toString(), "clearDueDate", true)),
                "clearDueDate");
        assertField(api.post("/api/v1/todos/" + id + "/status", token, Map.of("status", "MAYBE")), "status");
        Map<String, Object> noStatus = new HashMap<>();
        noStatus.put("status", null);
        assertField(api.post("/api/v1/todos/" + id + "/status", token, noStatus), "status");
        assertField(api.get("/api/v1/todos?status=LATE", token), "status");
        assertField(api.get("/api/v1/todos?overdue=perhaps", token), "overdue");
        assertField(api.get("/api/v1/todos?dueBefore=tomorrow", token), "dueBefore");
        assertField(api.get("/api/v1/todos?assignee=someone", token), "assignee");
        assertField(api.get("/api/v1/todos?relatedType=lead", token), "relatedType");
        assertField(api.get("/api/v1/todos?relatedId=7", token), "relatedId");
        assertField(api.get("/api/v1/todos?sort=description", token), "sort");
        assertField(api.get("/api/v1/todos?size=101", token), "size");
        assertThat(api.get("/api/v1/todos/not-an-id", token).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/todos/" + UUID.randomUUID(), token).status()).isEqualTo(404);
    }

    private void assertField(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.errorFields()).as(response.toString()).containsExactly(field);
    }

    private String create(String token, String description, LocalDate due, String priority) {
        Map<String, Object> body = new HashMap<>();
        body.put("description", description);
        body.put("dueDate", due == null ? null : due.toString());
        body.put("priority", priority);
        Response created = api.post("/api/v1/todos", token, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private static List<String> ids(Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().path("content").valueStream().map(t -> t.path("id").asString()).toList();
    }

    private UUID known(String name, boolean active) {
        return known(name, active, UUID.randomUUID());
    }

    /** A user as identity's events would have put them in the directory. */
    private UUID known(String name, boolean active, UUID user) {
        jdbc.update("insert into recipient (user_id, name, role, active, updated_at) values (?, ?, 'BACKOFFICE', ?, ?)",
                user, name, active, Timestamp.from(Instant.now()));
        return user;
    }
}
