package dev.coachos.communication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * Leaves through the API: who requests, who sees and decides, overlaps half day by half day, the
 * cancellation and the events enrollment-service acts on. The test clock stands at 10:00 UTC on
 * 2 December 2026, 15:30 of that day in the institute's time zone.
 */
class LeavesIT extends QueryTestBase {

    private final UUID delhi = UUID.randomUUID();
    private final UUID pune = UUID.randomUUID();

    @Test
    void aStudentRequestsLeaveThatOnlyTheyAndTheirBranchsApproversSee() {
        UUID asha = user("Asha Rao", "STUDENT", delhi, "STUDENT");
        UUID hr = user("Nisha HR", "HR_MANAGER", delhi, "STAFF");
        UUID puneHr = user("Pune HR", "HR_MANAGER", pune, "STAFF");
        String student = student(asha, delhi);

        Response requested = api.post("/api/v1/leaves", student, Map.of("fromDate", "2026-12-10", "toDate",
                "2026-12-12", "leaveType", "SICK", "reason", " Fever "));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        JsonNode leave = requested.json();
        String id = leave.path("id").asString();
        assertThat(requested.header("Location")).isEqualTo("/api/v1/leaves/" + id);
        assertThat(leave.path("status").asString()).isEqualTo("PENDING");
        assertThat(leave.path("userId").asString()).isEqualTo(asha.toString());
        assertThat(leave.path("profileType").asString()).isEqualTo("STUDENT");
        assertThat(leave.path("branchId").asString()).isEqualTo(delhi.toString());
        assertThat(leave.path("reason").asString()).isEqualTo("Fever");
        assertThat(leave.path("halfDay").isString()).isFalse();

        assertThat(outbox.payloads("LeaveRequested", asha.toString())).singleElement().satisfies(p -> {
            assertThat(p.path("leaveId").asString()).isEqualTo(id);
            assertThat(p.path("userId").asString()).isEqualTo(asha.toString());
            assertThat(p.path("profileType").asString()).isEqualTo("STUDENT");
            assertThat(p.path("branchId").asString()).isEqualTo(delhi.toString());
            assertThat(p.path("fromDate").asString()).isEqualTo("2026-12-10");
            assertThat(p.path("toDate").asString()).isEqualTo("2026-12-12");
            assertThat(p.path("halfDay").isString()).isFalse();
            assertThat(p.path("leaveType").asString()).isEqualTo("SICK");
        });
        // The branch's approvers hear of it; the requester hears nothing until it is decided.
        assertThat(notified(hr, "Asha Rao")).containsExactly("Leave requested");
        assertThat(notified(puneHr, "Asha Rao")).isEmpty();
        assertThat(notified(asha, "2026-12-10")).isEmpty();

        String otherStudent = student(UUID.randomUUID(), delhi);
        String puneApprover = hr(puneHr, pune);
        for (String stranger : List.of(otherStudent, puneApprover)) {
            Response got = api.get("/api/v1/leaves/" + id, stranger);
            assertThat(got.status()).isEqualTo(404);
            assertThat(got.text("type")).isEqualTo("urn:coachos:problem:not-found");
        }
        assertThat(api.get("/api/v1/leaves/" + id, student).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/leaves/" + id, hr(hr, delhi)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/leaves/" + id, headOffice(UUID.randomUUID())).status()).isEqualTo(200);

        assertThat(ids(student, "")).containsExactly(id);
        assertThat(ids(otherStudent, "")).isEmpty();
        assertThat(ids(puneApprover, "")).isEmpty();
        assertThat(ids(hr(hr, delhi), "?status=PENDING&userId=" + asha)).containsExactly(id);
        assertThat(ids(hr(hr, delhi), "?mine=true")).isEmpty();
        assertThat(ids(hr(hr, delhi), "?from=2026-12-12&to=2026-12-20")).containsExactly(id);
        assertThat(ids(hr(hr, delhi), "?from=2026-12-13")).isEmpty();
        assertThat(ids(headOffice(UUID.randomUUID()), "?to=2026-12-10&userId=" + asha)).containsExactly(id);
        Response page = api.get("/api/v1/leaves?size=1&sort=fromDate,asc", student);
        assertThat(page.json().path("page").path("totalElements").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/leaves?sort=reason", student).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/leaves?status=SOMETIME", student).errorFields()).containsExactly("status");
        assertThat(api.get("/api/v1/leaves?from=2026-12-10&to=2026-12-01", student).errorFields())
                .containsExactly("to");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        UUID asha = user("Asha Rao", "STUDENT", delhi, "STUDENT");
        String token = student(asha, delhi);
        Map<String, Object> good = Map.of("fromDate", "2026-12-10", "toDate", "2026-12-10", "leaveType", "CASUAL");

        assertThat(post(token, good, "fromDate", null).errorFields()).containsExactly("fromDate");
        assertThat(post(token, good, "fromDate", "10/12/2026").errorFields()).containsExactly("fromDate");
        assertThat(post(token, good, "toDate", "2026-12-09").errorFields()).containsExactly("toDate");
        assertThat(post(token, good, "toDate", "2028-12-09").errorFields()).containsExactly("toDate");
        assertThat(post(token, good, "leaveType", "HOLIDAY").errorFields()).containsExactly("leaveType");
        assertThat(post(token, good, "halfDay", "NOON").errorFields()).containsExactly("halfDay");
        Map<String, Object> range = new HashMap<>(good);
        range.put("toDate", "2026-12-11");
        assertThat(post(token, range, "halfDay", "AM").errorFields()).containsExactly("halfDay");
        assertThat(post(token, good, "reason", "x".repeat(1001)).errorFields()).containsExactly("reason");

        // Requesting needs create:leaves (or manage:leaves, which includes it).
        assertThat(api.post("/api/v1/leaves", KEYS.staff("ACCOUNTANT", delhi, "read:fees"), good).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/leaves", null, good).status()).isEqualTo(401);

        String id = request(token, "2026-12-10", "2026-12-10", null).path("id").asString();
        String approver = hr(UUID.randomUUID(), delhi);
        Response decision = api.post("/api/v1/leaves/" + id + "/decision", approver, Map.of("decision", "MAYBE"));
        assertThat(decision.status()).isEqualTo(400);
        assertThat(decision.errorFields()).containsExactly("decision");
        assertThat(api.post("/api/v1/leaves/" + id + "/decision", approver,
                Map.of("decision", "CANCELLED")).errorFields()).containsExactly("decision");
        assertThat(api.get("/api/v1/leaves/not-an-id", token).status()).isEqualTo(400);
    }

    @Test
    void aLeaveMayNotOverlapAnotherPendingOrApprovedLeaveOfTheSamePersonHalfDayByHalfDay() {
        UUID ravi = user("Ravi Kumar", "TEACHER", delhi, "TEACHER");
        String teacher = teacher(ravi, delhi);
        String approver = hr(UUID.randomUUID(), delhi);
        String week = request(teacher, "2026-12-10", "2026-12-12", null).path("id").asString();

        Response inside = api.post("/api/v1/leaves", teacher, body("2026-12-12", "2026-12-14", null));
        assertThat(inside.status()).isEqualTo(409);
        assertThat(inside.text("type")).isEqualTo("urn:coachos:problem:conflict");
        assertThat(inside.text("overlappingLeaveId")).isEqualTo(week);
        assertThat(inside.text("detail")).contains(week);

        // A morning and an afternoon of one date: together a whole day, which nothing else may touch.
        String morning = request(teacher, "2026-12-15", "2026-12-15", "AM").path("id").asString();
        String afternoon = request(teacher, "2026-12-15", "2026-12-15", "PM").path("id").asString();
        assertThat(api.post("/api/v1/leaves", teacher, body("2026-12-15", "2026-12-15", "AM")).text("overlappingLeaveId"))
                .isEqualTo(morning);
        assertThat(api.post("/api/v1/leaves", teacher, body("2026-12-14", "2026-12-15", null)).text("overlappingLeaveId"))
                .isEqualTo(morning);
        assertThat(api.post("/api/v1/leaves", teacher, body("2026-12-15", "2026-12-15", "PM")).text("overlappingLeaveId"))
                .isEqualTo(afternoon);

        // An approved leave still holds its days; a rejected one gives them back.
        assertThat(decide(approver, week, "APPROVED").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/leaves", teacher, body("2026-12-11", "2026-12-11", "PM")).status()).isEqualTo(409);
        assertThat(decide(approver, afternoon, "REJECTED").status()).isEqualTo(200);
        request(teacher, "2026-12-15", "2026-12-15", "PM");

        // Someone else's leave never stands in the way.
        request(teacher(UUID.randomUUID(), delhi), "2026-12-10", "2026-12-15", null);
        assertThat(count("select count(*) from leave_request where user_id = ?", ravi)).isEqualTo(4);
    }

    @Test
    void twoRacingRequestsForTheSameDayMakeOneLeave() throws Exception {
        UUID ravi = user("Ravi Kumar", "TEACHER", delhi, "TEACHER");
        String teacher = teacher(ravi, delhi);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> attempt = () -> {
            start.await();
            return api.post("/api/v1/leaves", teacher, body("2026-12-20", "2026-12-21", null)).status();
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(attempt));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from leave_request where user_id = ?", ravi)).isEqualTo(1);
        assertThat(count("select count(*) from leave_day where user_id = ?", ravi)).isEqualTo(4);
    }

    @Test
    void approversOfTheBranchDecideButNeverTheirOwnLeaveAndTheRequesterHearsTheDecision() {
        UUID asha = user("Asha Rao", "STUDENT", delhi, "STUDENT");
        UUID nisha = user("Nisha HR", "HR_MANAGER", delhi, "STAFF");
        String student = student(asha, delhi);
        String approver = hr(nisha, delhi);
        String id = request(student, "2026-12-10", "2026-12-10", "AM").path("id").asString();

        assertThat(decide(hr(UUID.randomUUID(), pune), id, "APPROVED").status()).isEqualTo(404);
        assertThat(decide(student, id, "APPROVED").status()).isEqualTo(403);
        String own = request(approver, "2026-12-11", "2026-12-11", null).path("id").asString();
        Response ownDecision = decide(approver, own, "APPROVED");
        assertThat(ownDecision.status()).isEqualTo(403);
        assertThat(ownDecision.text("type")).isEqualTo("urn:coachos:problem:forbidden");
        assertThat(decide(headOffice(UUID.randomUUID()), own, "APPROVED").status()).isEqualTo(200);

        clock.set(Instant.parse("2026-12-02T11:00:00Z"));
        Response approved = api.post("/api/v1/leaves/" + id + "/decision", approver,
                Map.of("decision", "APPROVED", "note", "Get well soon"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().path("decidedBy").asString()).isEqualTo(nisha.toString());
        assertThat(approved.json().path("decisionNote").asString()).isEqualTo("Get well soon");
        assertThat(outbox.payloads("LeaveDecided", asha.toString())).singleElement().satisfies(p -> {
            assertThat(p.path("leaveId").asString()).isEqualTo(id);
            assertThat(p.path("userId").asString()).isEqualTo(asha.toString());
            assertThat(p.path("profileType").asString()).isEqualTo("STUDENT");
            assertThat(p.path("branchId").asString()).isEqualTo(delhi.toString());
            assertThat(p.path("fromDate").asString()).isEqualTo("2026-12-10");
            assertThat(p.path("toDate").asString()).isEqualTo("2026-12-10");
            assertThat(p.path("halfDay").asString()).isEqualTo("AM");
            assertThat(p.path("decision").asString()).isEqualTo("APPROVED");
            assertThat(p.path("decidedBy").asString()).isEqualTo(nisha.toString());
            assertThat(p.path("decidedAt").asString()).isEqualTo("2026-12-02T11:00:00Z");
        });
        assertThat(notified(asha, "2026-12-10")).containsExactly("Leave approved");

        Response again = decide(approver, id, "REJECTED");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("urn:coachos:problem:conflict");

        String second = request(student, "2026-12-18", "2026-12-18", null).path("id").asString();
        assertThat(decide(approver, second, "REJECTED").json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(notified(asha, "2026-12-18")).containsExactly("Leave rejected");
        assertThat(outbox.payloads("LeaveDecided", asha.toString())).extracting(p -> p.path("decision").asString())
                .containsExactly("APPROVED", "REJECTED");
    }

    @Test
    void theReportingManagerSeesAndDecidesTheLeavesOfThoseReportingToThemWithoutManageLeavesAndAcrossBranches() {
        UUID ravi = user("Ravi Kumar", "BACKOFFICE", delhi, "STAFF");
        UUID meera = user("Meera Lead", "BACKOFFICE", pune, "STAFF");
        UUID kiran = user("Kiran Clerk", "BACKOFFICE", delhi, "STAFF");
        UUID arjun = user("Arjun Lead", "BACKOFFICE", delhi, "STAFF");
        UUID nisha = user("Nisha HR", "HR_MANAGER", delhi, "STAFF");
        reportsTo(ravi, meera);
        reportsTo(kiran, arjun);
        reportsTo(meera, ravi);
        String clerk = staff(ravi, delhi);
        String manager = staff(meera, pune);
        String otherManager = staff(arjun, delhi);

        String id = request(clerk, "2026-12-10", "2026-12-11", null).path("id").asString();
        String kirans = request(staff(kiran, delhi), "2026-12-10", "2026-12-10", null).path("id").asString();

        // The manager hears of it like the branch's approvers; another person's manager does not.
        assertThat(notified(meera, "Ravi Kumar")).containsExactly("Leave requested");
        assertThat(notified(nisha, "Ravi Kumar")).containsExactly("Leave requested");
        assertThat(notified(arjun, "Ravi Kumar")).isEmpty();

        assertThat(api.get("/api/v1/leaves/" + id, manager).status()).isEqualTo(200);
        assertThat(ids(manager, "")).containsExactly(id);
        assertThat(ids(manager, "?mine=true")).isEmpty();
        assertThat(ids(otherManager, "")).containsExactly(kirans);
        assertThat(ids(hr(UUID.randomUUID(), pune), "")).as("Pune's approvers: Pune's leaves only").isEmpty();
        Response stranger = api.get("/api/v1/leaves/" + id, otherManager);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.text("type")).isEqualTo("urn:coachos:problem:not-found");
        assertThat(decide(otherManager, id, "APPROVED").status()).isEqualTo(404);
        assertThat(decide(manager, kirans, "APPROVED").status()).isEqualTo(404);

        Response approved = decide(manager, id, "APPROVED");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().path("decidedBy").asString()).isEqualTo(meera.toString());
        assertThat(outbox.payloads("LeaveDecided", ravi.toString())).singleElement()
                .satisfies(p -> assertThat(p.path("decidedBy").asString()).isEqualTo(meera.toString()));
        assertThat(notified(ravi, "2026-12-10")).containsExactly("Leave approved");

        // Managing someone does not let one decide one's own leave, even when one's manager reports back.
        String own = request(manager, "2026-12-15", "2026-12-15", null).path("id").asString();
        Response ownDecision = decide(manager, own, "APPROVED");
        assertThat(ownDecision.status()).isEqualTo(403);
        assertThat(ownDecision.text("type")).isEqualTo("urn:coachos:problem:forbidden");
        assertThat(decide(clerk, own, "REJECTED").json().path("status").asString())
                .as("Ravi is Meera's manager here").isEqualTo("REJECTED");
    }

    @Test
    void theRequesterCancelsTheirLeaveBeforeItStartsAndAnApprovedOneIsPublishedAsCancelled() {
        UUID asha = user("Asha Rao", "STUDENT", delhi, "STUDENT");
        String student = student(asha, delhi);
        String approver = hr(UUID.randomUUID(), delhi);
        String id = request(student, "2026-12-10", "2026-12-11", null).path("id").asString();
        assertThat(decide(approver, id, "APPROVED").status()).isEqualTo(200);

        assertThat(cancel(approver, id).status()).isEqualTo(403);
        assertThat(cancel(student(UUID.randomUUID(), delhi), id).status()).isEqualTo(404);
        Response cancelled = cancel(student, id);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(outbox.payloads("LeaveDecided", asha.toString())).last().satisfies(p -> {
            assertThat(p.path("leaveId").asString()).isEqualTo(id);
            assertThat(p.path("decision").asString()).isEqualTo("CANCELLED");
            assertThat(p.path("decidedBy").asString()).isEqualTo(asha.toString());
            assertThat(p.path("fromDate").asString()).isEqualTo("2026-12-10");
            assertThat(p.path("toDate").asString()).isEqualTo("2026-12-11");
            assertThat(p.path("decidedAt").asString()).isEqualTo(START.toString());
        });
        assertThat(cancel(student, id).status()).isEqualTo(409);
        // Its days are free again.
        String next = request(student, "2026-12-10", "2026-12-10", null).path("id").asString();

        // On its first day (in the institute's time zone) it can no longer be cancelled.
        clock.set(Instant.parse("2026-12-09T18:30:00Z"));
        Response started = cancel(student, next);
        assertThat(started.status()).isEqualTo(409);
        assertThat(started.text("detail")).contains("2026-12-10");
        clock.set(Instant.parse("2026-12-09T18:29:00Z"));
        assertThat(cancel(student, next).status()).isEqualTo(200);
    }

    private static String student(UUID student, UUID branch) {
        return KEYS.token().subject(student).roles(List.of("STUDENT")).branch(branch)
                .permissions(List.of("create:leaves")).studentProfile().sign();
    }

    private static String teacher(UUID teacher, UUID branch) {
        return KEYS.token().subject(teacher).roles(List.of("TEACHER")).branch(branch)
                .permissions(List.of("create:leaves")).teacherProfile().sign();
    }

    /** A staff member without manage:leaves: they request their own leaves. */
    private static String staff(UUID staff, UUID branch) {
        return KEYS.token().subject(staff).roles(List.of("BACKOFFICE")).branch(branch)
                .permissions(List.of("create:leaves")).staffProfile().sign();
    }

    /** As StaffProfileUpdated leaves the directory: the staff member reports to the manager. */
    private void reportsTo(UUID staff, UUID manager) {
        jdbc.update("update recipient set reporting_manager_id = ? where user_id = ?", manager, staff);
    }

    /** An HR manager of a branch: they decide its leaves (and may request their own). */
    private static String hr(UUID staff, UUID branch) {
        return KEYS.token().subject(staff).roles(List.of("HR_MANAGER")).branch(branch)
                .permissions(List.of("manage:leaves")).staffProfile().sign();
    }

    /** A general manager: every branch's leaves. */
    private static String headOffice(UUID staff) {
        return KEYS.token().subject(staff).roles(List.of("GENERAL_MANAGER"))
                .permissions(List.of("manage:leaves", "access:all_branches")).staffProfile().sign();
    }

    private static Map<String, Object> body(String from, String to, String halfDay) {
        Map<String, Object> body = new HashMap<>(Map.of("fromDate", from, "toDate", to, "leaveType", "CASUAL"));
        body.put("halfDay", halfDay);
        return body;
    }

    private JsonNode request(String token, String from, String to, String halfDay) {
        Response requested = api.post("/api/v1/leaves", token, body(from, to, halfDay));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        return requested.json();
    }

    private Response decide(String token, String leave, String decision) {
        return api.post("/api/v1/leaves/" + leave + "/decision", token, Map.of("decision", decision));
    }

    private Response cancel(String token, String leave) {
        return api.post("/api/v1/leaves/" + leave + "/cancellation", token, null);
    }

    private List<String> ids(String token, String query) {
        Response listed = api.get("/api/v1/leaves" + query, token);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        return listed.json().path("content").valueStream().map(l -> l.path("id").asString()).toList();
    }

    private Response post(String token, Map<String, Object> good, String field, Object value) {
        Map<String, Object> body = new HashMap<>(good);
        body.put(field, value);
        Response answer = api.post("/api/v1/leaves", token, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        return answer;
    }
}
