package dev.coachos.communication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/** Support queries through the API: who sees what, the thread, the moves, the clocks and the events. */
class QueriesIT extends QueryTestBase {

    private final UUID delhi = UUID.randomUUID();
    private final UUID pune = UUID.randomUUID();

    @Test
    void aStudentOpensAQueryThatOnlyTheyAndStaffOfTheirBranchSee() {
        UUID asha = user("Asha Rao", "STUDENT", delhi, "STUDENT");
        UUID course = UUID.randomUUID();
        Response opened = api.post("/api/v1/queries", studentToken(asha, delhi), Map.of("subject", " Fee receipt missing ",
                "message", "I paid on Monday but see no receipt.", "priority", "HIGH", "courseId", course.toString()));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        JsonNode query = opened.json();
        String id = query.path("id").asString();
        assertThat(opened.header("Location")).isEqualTo("/api/v1/queries/" + id);
        assertThat(query.path("subject").asString()).isEqualTo("Fee receipt missing");
        assertThat(query.path("status").asString()).isEqualTo("OPEN");
        assertThat(query.path("branchId").asString()).isEqualTo(delhi.toString());
        assertThat(query.path("requesterId").asString()).isEqualTo(asha.toString());
        assertThat(query.path("courseId").asString()).isEqualTo(course.toString());
        assertThat(Instant.parse(query.path("firstResponseDueAt").asString())).isEqualTo(START.plus(Duration.ofHours(4)));
        assertThat(Instant.parse(query.path("resolutionDueAt").asString())).isEqualTo(START.plus(Duration.ofHours(24)));
        assertThat(query.path("messages")).singleElement().satisfies(m -> {
            assertThat(m.path("body").asString()).isEqualTo("I paid on Monday but see no receipt.");
            assertThat(m.path("fromStaff").asBoolean()).isFalse();
        });

        assertThat(outbox.payloads("QueryOpened", id)).singleElement().satisfies(p -> {
            assertThat(p.path("requesterId").asString()).isEqualTo(asha.toString());
            assertThat(p.path("branchId").asString()).isEqualTo(delhi.toString());
            assertThat(p.path("priority").asString()).isEqualTo("HIGH");
            assertThat(p.path("courseId").asString()).isEqualTo(course.toString());
            assertThat(p.path("openedAt").asString()).isEqualTo(START.toString());
        });

        // A teacher opens one too; their branch comes from the directory when the token names none.
        UUID teacher = user("Meera Iyer", "TEACHER", delhi, "TEACHER");
        String teacherToken = KEYS.token().subject(teacher).roles(List.of("TEACHER"))
                .permissions(List.of("create:queries")).teacherProfile().sign();
        assertThat(open(teacherToken, "Projector broken", "LOW").path("branchId").asString()).isEqualTo(delhi.toString());

        String otherStudent = studentToken(UUID.randomUUID(), delhi);
        String puneStaff = backOfficeToken(UUID.randomUUID(), pune);
        String delhiStaff = backOfficeToken(UUID.randomUUID(), delhi);
        for (String stranger : List.of(otherStudent, puneStaff)) {
            Response got = api.get("/api/v1/queries/" + id, stranger);
            assertThat(got.status()).isEqualTo(404);
            assertThat(got.text("type")).isEqualTo("urn:coachos:problem:not-found");
            assertThat(reply(stranger, id, "hello").status()).isEqualTo(404);
        }
        assertThat(api.get("/api/v1/queries/" + id, delhiStaff).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/queries/" + id, headOfficeToken(UUID.randomUUID())).status()).isEqualTo(200);

        assertThat(ids(studentToken(asha, delhi), "")).containsExactly(id);
        assertThat(ids(otherStudent, "")).isEmpty();
        assertThat(ids(puneStaff, "")).doesNotContain(id);
        assertThat(ids(delhiStaff, "?priority=HIGH")).contains(id);
        assertThat(ids(delhiStaff, "?priority=LOW")).doesNotContain(id);
        assertThat(ids(headOfficeToken(UUID.randomUUID()), "?branchId=" + delhi + "&status=OPEN")).contains(id);
        Response page = api.get("/api/v1/queries?size=1&sort=priority,desc", delhiStaff);
        assertThat(page.json().path("content").get(0).path("priority").asString()).isEqualTo("HIGH");
        assertThat(page.json().path("page").path("totalElements").asInt()).isEqualTo(2);
        assertThat(page.json().path("content").get(0).has("messages")).isFalse();
        assertThat(api.get("/api/v1/queries?sort=subject", delhiStaff).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/queries?status=SOMETIME", delhiStaff).errorFields()).containsExactly("status");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        UUID asha = user("Asha Rao", "STUDENT", delhi, "STUDENT");
        String token = studentToken(asha, delhi);
        Map<String, Object> good = Map.of("subject", "Timetable", "message", "When is the next test?", "priority", "LOW");

        assertThat(post(token, good, "subject", "  ").errorFields()).containsExactly("subject");
        assertThat(post(token, good, "message", "x".repeat(5001)).errorFields()).containsExactly("message");
        Response priority = post(token, good, "priority", "SOON");
        assertThat(priority.status()).isEqualTo(400);
        assertThat(priority.errorFields()).containsExactly("priority");
        assertThat(post(token, good, "courseId", "not-a-uuid").errorFields()).containsExactly("courseId");

        // Opening one needs create:queries (or manage:queries, which includes it).
        Response accountant = api.post("/api/v1/queries", KEYS.staff("ACCOUNTANT", delhi, "read:fees"), good);
        assertThat(accountant.status()).isEqualTo(403);
        assertThat(api.post("/api/v1/queries", null, good).status()).isEqualTo(401);

        String id = open(token, "Timetable", "LOW").path("id").asString();
        assertThat(reply(token, id, "").errorFields()).containsExactly("body");
        assertThat(status(token, id, "FINISHED").errorFields()).containsExactly("status");
        assertThat(api.get("/api/v1/queries/not-an-id", token).status()).isEqualTo(400);
    }

    @Test
    void staffAnswerInTheThreadAndTheRequestersReplyTakesAResolvedQueryUpAgain() {
        UUID asha = user("Asha Rao", "STUDENT", delhi, "STUDENT");
        UUID ravi = user("Ravi Kumar", "BACKOFFICE", delhi, "STAFF");
        UUID puneClerk = user("Pune Clerk", "BACKOFFICE", pune, "STAFF");
        UUID teacher = user("Meera Iyer", "TEACHER", delhi, "TEACHER");
        String student = studentToken(asha, delhi);
        String staff = backOfficeToken(UUID.randomUUID(), delhi);
        String id = open(student, "Hall ticket", "NORMAL").path("id").asString();

        // Only an active staff member of the query's branch can be given it.
        for (UUID wrong : List.of(puneClerk, teacher, UUID.randomUUID())) {
            Response refused = api.post("/api/v1/queries/" + id + "/assignment", staff, Map.of("assigneeId", wrong));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.errorFields()).containsExactly("assigneeId");
        }
        assertThat(api.post("/api/v1/queries/" + id + "/assignment", student, Map.of("assigneeId", ravi)).status())
                .isEqualTo(403);
        Response assigned = api.post("/api/v1/queries/" + id + "/assignment", staff, Map.of("assigneeId", ravi));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().path("assigneeId").asString()).isEqualTo(ravi.toString());
        assertThat(assigned.json().path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(notified(ravi, "Hall ticket")).containsExactly("Query assigned to you");
        assertThat(ids(staff, "?assigneeId=" + ravi)).containsExactly(id);

        clock.advance(Duration.ofMinutes(20));
        String raviToken = backOfficeToken(ravi, delhi);
        Response answered = reply(raviToken, id, "It is printed at the front desk.");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(Instant.parse(answered.json().path("firstResponseAt").asString()))
                .isEqualTo(START.plus(Duration.ofMinutes(20)));
        assertThat(notified(asha, "Hall ticket")).containsExactly("Reply to your query");

        assertThat(status(raviToken, id, "RESOLVED").json().path("status").asString()).isEqualTo("RESOLVED");
        assertThat(notified(asha, "Hall ticket")).containsExactlyInAnyOrder("Reply to your query", "Query resolved");
        assertThat(outbox.payloads("QueryResolved", id)).singleElement().satisfies(p -> {
            assertThat(p.path("resolvedBy").asString()).isEqualTo(ravi.toString());
            assertThat(p.path("requesterId").asString()).isEqualTo(asha.toString());
            assertThat(p.path("resolutionBreached").asBoolean()).isFalse();
        });

        Response reopened = reply(student, id, "The desk says they do not have it.");
        assertThat(reopened.json().path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(reopened.json().path("resolvedAt").isNull()).isTrue();
        assertThat(reopened.json().path("messages").valueStream().map(m -> m.path("fromStaff").asBoolean()).toList())
                .containsExactly(false, true, false);

        // The requester may close their own query, nothing else; a closed query is final.
        Response resolveOwn = status(student, id, "RESOLVED");
        assertThat(resolveOwn.status()).isEqualTo(403);
        assertThat(status(student, id, "CLOSED").json().path("status").asString()).isEqualTo("CLOSED");
        Response late = reply(student, id, "One more thing");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("detail")).contains("CLOSED");
        assertThat(status(staff, id, "IN_PROGRESS").text("detail")).contains("CLOSED");
        assertThat(outbox.payloads("QueryResolved", id)).hasSize(1);
    }

    @Test
    void aMoveTheStatusDoesNotAllowIsAConflictNamingTheCurrentStatus() {
        UUID asha = user("Asha Rao", "STUDENT", delhi, "STUDENT");
        String staff = backOfficeToken(UUID.randomUUID(), delhi);
        String id = open(studentToken(asha, delhi), "Library card", "LOW").path("id").asString();

        Response same = status(staff, id, "OPEN");
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.text("type")).isEqualTo("urn:coachos:problem:conflict");
        assertThat(same.text("detail")).isEqualTo("The query is OPEN and cannot become OPEN");
        assertThat(status(staff, id, "WAITING_ON_REQUESTER").status()).isEqualTo(200);
        assertThat(status(staff, id, "RESOLVED").status()).isEqualTo(200);
        Response back = status(staff, id, "WAITING_ON_REQUESTER");
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.text("detail")).contains("RESOLVED");
        assertThat(status(staff, id, "IN_PROGRESS").status()).isEqualTo(200);
        assertThat(status(staff, id, "CLOSED").status()).isEqualTo(200);
        assertThat(status(staff, id, "CLOSED").text("detail")).isEqualTo("The query is CLOSED and cannot become CLOSED");
    }

    @Test
    void waitingOnTheRequesterPausesOnlyTheResolutionClock() {
        UUID asha = user("Asha Rao", "STUDENT", delhi, "STUDENT");
        String student = studentToken(asha, delhi);
        String staff = backOfficeToken(UUID.randomUUID(), delhi);
        // URGENT: first answer within 1 hour, resolution within 8.
        String id = open(student, "Exam seat", "URGENT").path("id").asString();

        clock.advance(Duration.ofMinutes(30));
        assertThat(status(staff, id, "WAITING_ON_REQUESTER").status()).isEqualTo(200);
        // Waiting does not stop the first-response clock: an hour on, the first answer is late.
        clock.advance(Duration.ofMinutes(45));
        JsonNode waiting = api.get("/api/v1/queries/" + id, staff).json();
        assertThat(waiting.path("firstResponseBreached").asBoolean()).isTrue();
        assertThat(waiting.path("resolutionBreached").asBoolean()).isFalse();
        assertThat(Instant.parse(waiting.path("resolutionPausedAt").asString()))
                .isEqualTo(START.plus(Duration.ofMinutes(30)));

        // Ten hours waiting on the requester are not counted against the resolution.
        clock.set(START.plus(Duration.ofMinutes(30)).plus(Duration.ofHours(10)));
        assertThat(api.get("/api/v1/queries/" + id, staff).json().path("resolutionBreached").asBoolean()).isFalse();
        assertThat(ids(staff, "?breached=true")).contains(id);
        JsonNode resumed = reply(student, id, "Here is my roll number.").json();
        assertThat(resumed.path("status").asString()).isEqualTo("OPEN");
        assertThat(resumed.path("resolutionPausedAt").isNull()).isTrue();
        Instant due = START.plus(Duration.ofHours(8)).plus(Duration.ofHours(10));
        assertThat(Instant.parse(resumed.path("resolutionDueAt").asString())).isEqualTo(due);
        assertThat(Instant.parse(resumed.path("firstResponseDueAt").asString())).isEqualTo(START.plus(Duration.ofHours(1)));

        clock.set(due.minusSeconds(60));
        assertThat(api.get("/api/v1/queries/" + id, staff).json().path("resolutionBreached").asBoolean()).isFalse();
        clock.set(due.plusSeconds(60));
        assertThat(api.get("/api/v1/queries/" + id, staff).json().path("resolutionBreached").asBoolean()).isTrue();
        assertThat(status(staff, id, "RESOLVED").status()).isEqualTo(200);
        assertThat(outbox.payloads("QueryResolved", id)).singleElement()
                .satisfies(p -> assertThat(p.path("resolutionBreached").asBoolean()).isTrue());
        // Resolved, the clocks stand still: still breached, as it was when resolved.
        clock.advance(Duration.ofDays(3));
        JsonNode resolved = api.get("/api/v1/queries/" + id, student).json();
        assertThat(resolved.path("resolutionBreached").asBoolean()).isTrue();
        assertThat(Instant.parse(resolved.path("resolvedAt").asString())).isEqualTo(due.plusSeconds(60));
    }

    private List<String> ids(String token, String query) {
        Response list = api.get("/api/v1/queries" + query, token);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().path("content").valueStream().map(q -> q.path("id").asString()).toList();
    }

    private Response post(String token, Map<String, Object> good, String field, Object value) {
        Map<String, Object> body = new HashMap<>(good);
        body.put(field, value);
        Response answer = api.post("/api/v1/queries", token, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        return answer;
    }
}
