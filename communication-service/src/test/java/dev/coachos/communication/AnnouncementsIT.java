package dev.coachos.communication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.communication.announcement.Announcements;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.StatementCounter;
import tools.jackson.databind.JsonNode;

/**
 * Announcements through the API: whom an audience reaches, who may address whom, the recipients'
 * lists and reads, editing, withdrawing, expiry, scheduled publishing and the event.
 */
@TestPropertySource(properties = "coachos.announcements.sweep-interval=PT24H")
@Import(StatementCounter.class)
class AnnouncementsIT extends QueryTestBase {

    @Autowired
    Announcements announcements;

    private final UUID delhi = UUID.randomUUID();
    private final UUID pune = UUID.randomUUID();
    private final UUID course = UUID.randomUUID();

    @Test
    void aBatchsStudentsFindItInTheirListWithANotificationAndNobodyElseSeesIt() {
        UUID teacher = user("Meera Iyer", "TEACHER", delhi, "TEACHER");
        UUID morning = batch(delhi, teacher);
        UUID evening = batch(delhi, null);
        UUID asha = student("Asha Rao", delhi, morning);
        UUID ravi = student("Ravi Kumar", delhi, morning);
        UUID neha = student("Neha Singh", delhi, evening);
        UUID dropped = student("Dropped Student", delhi, null);
        jdbc.update("insert into enrollment values (?, ?, ?, ?, 'DROPPED', now())", UUID.randomUUID(), dropped,
                morning, course);
        UUID author = UUID.randomUUID();

        Response published = api.post("/api/v1/announcements", staff(author, delhi),
                announcement("Morning batch moves to hall 2", Map.of("batchIds", List.of(morning))));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        JsonNode body = published.json();
        String id = body.path("id").asString();
        assertThat(published.header("Location")).isEqualTo("/api/v1/announcements/" + id);
        assertThat(body.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(body.path("recipients").asInt()).isEqualTo(2);
        assertThat(body.path("reads").asInt()).isZero();
        assertThat(body.path("publishedAt").asString()).isEqualTo(START.toString());
        assertThat(body.path("audience").path("batchIds").get(0).asString()).isEqualTo(morning.toString());

        for (UUID student : List.of(asha, ravi)) {
            JsonNode inbox = api.get("/api/v1/announcements", reader(student, delhi)).json();
            assertThat(inbox.path("content")).singleElement().satisfies(a -> {
                assertThat(a.path("id").asString()).isEqualTo(id);
                assertThat(a.path("title").asString()).isEqualTo("Morning batch moves to hall 2");
                assertThat(a.path("read").asBoolean()).isFalse();
                assertThat(a.has("audience")).isFalse();
            });
            assertThat(notified(student, "Morning batch moves to hall 2")).containsExactly("New notice");
        }
        for (UUID stranger : List.of(neha, dropped, teacher)) {
            assertThat(api.get("/api/v1/announcements", reader(stranger, delhi)).json().path("content")).isEmpty();
            Response got = api.get("/api/v1/announcements/" + id, reader(stranger, delhi));
            assertThat(got.status()).isEqualTo(404);
            assertThat(got.text("type")).isEqualTo("urn:coachos:problem:not-found");
            assertThat(api.post("/api/v1/announcements/" + id + "/read", reader(stranger, delhi), Map.of()).status())
                    .isEqualTo(404);
        }
        assertThat(api.get("/api/v1/announcements/" + id, reader(asha, delhi)).status()).isEqualTo(200);

        // Staff of another branch do not reach it; head office does.
        String puneStaff = staff(UUID.randomUUID(), pune);
        assertThat(api.get("/api/v1/announcements/" + id, puneStaff).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/announcements/" + id, puneStaff, Map.of("title", "Mine now")).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/announcements/" + id + "/withdrawal", puneStaff, Map.of()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/announcements/" + id, headOffice(UUID.randomUUID())).json().path("recipients")
                .asInt()).isEqualTo(2);

        assertThat(outbox.payloads("AnnouncementPublished", id)).singleElement().satisfies(p -> {
            assertThat(p.path("authorId").asString()).isEqualTo(author.toString());
            assertThat(p.path("branchId").asString()).isEqualTo(delhi.toString());
            assertThat(p.path("type").asString()).isEqualTo("NOTICE");
            assertThat(p.path("recipients").asInt()).isEqualTo(2);
            assertThat(p.path("publishedAt").asString()).isEqualTo(START.toString());
        });
    }

    @Test
    void aBranchARoleChosenUsersAndTheirCombinationReachEachPersonOnce() {
        UUID delhiTeacher = user("Meera Iyer", "TEACHER", delhi, "TEACHER");
        UUID puneTeacher = user("Arjun Das", "TEACHER", pune, "TEACHER");
        UUID delhiClerk = user("Delhi Clerk", "BACKOFFICE", delhi, "STAFF");
        UUID morning = batch(delhi, delhiTeacher);
        UUID asha = student("Asha Rao", delhi, morning);
        UUID puneStudent = student("Pune Student", pune, null);
        UUID gone = user("Gone Student", "STUDENT", delhi, "STUDENT");
        jdbc.update("update recipient set active = false where user_id = ?", gone);
        String headOffice = headOffice(UUID.randomUUID());

        assertThat(reached(headOffice, Map.of("branchIds", List.of(delhi))))
                .containsExactlyInAnyOrder(delhiTeacher, delhiClerk, asha);
        assertThat(reached(headOffice, Map.of("roles", List.of("TEACHER"))))
                .contains(delhiTeacher, puneTeacher).doesNotContain(asha, delhiClerk);
        assertThat(reached(headOffice, Map.of("userIds", List.of(asha, puneStudent, UUID.randomUUID()))))
                .containsExactlyInAnyOrder(asha, puneStudent);
        Map<String, Object> combined = Map.of("batchIds", List.of(morning), "userIds", List.of(asha, delhiClerk),
                "roles", List.of("TEACHER"), "teachers", true);
        List<UUID> everyone = reached(headOffice, combined);
        assertThat(everyone).doesNotHaveDuplicates().contains(asha, delhiClerk, delhiTeacher, puneTeacher)
                .doesNotContain(puneStudent, gone);

        // Staff of a branch address only its people, whatever the audience says.
        String delhiStaff = staff(UUID.randomUUID(), delhi);
        assertThat(reached(delhiStaff, Map.of("everyone", true)))
                .containsExactlyInAnyOrder(delhiTeacher, delhiClerk, asha);
        assertThat(reached(delhiStaff, Map.of("roles", List.of("TEACHER")))).containsExactly(delhiTeacher);
        assertThat(reached(delhiStaff, Map.of("students", true))).containsExactly(asha);
        Response otherBranch = api.post("/api/v1/announcements", delhiStaff,
                announcement("Pune only", Map.of("branchIds", List.of(pune))));
        assertThat(otherBranch.status()).isEqualTo(400);
        assertThat(otherBranch.errorFields()).containsExactly("audience.branchIds");
        UUID puneBatch = batch(pune, puneTeacher);
        assertThat(api.post("/api/v1/announcements", delhiStaff,
                announcement("Pune batch", Map.of("batchIds", List.of(puneBatch)))).errorFields())
                .containsExactly("audience.batchIds");
    }

    @Test
    void aTeacherAnnouncesOnlyToTheBatchesTheyTeach() {
        UUID teacher = user("Meera Iyer", "TEACHER", delhi, "TEACHER");
        UUID mine = batch(delhi, teacher);
        UUID theirs = batch(delhi, UUID.randomUUID());
        UUID asha = student("Asha Rao", delhi, mine);
        student("Neha Singh", delhi, theirs);
        String teacherToken = KEYS.token().subject(teacher).roles(List.of("TEACHER")).branch(delhi)
                .permissions(List.of("read:announcements")).teacherProfile().sign();

        Response ok = api.post("/api/v1/announcements", teacherToken,
                announcement("Test on Friday", Map.of("batchIds", List.of(mine))));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.json().path("recipients").asInt()).isEqualTo(1);
        assertThat(ids(reader(asha, delhi), "")).containsExactly(ok.json().path("id").asString());

        Response notTheirs = api.post("/api/v1/announcements", teacherToken,
                announcement("Test on Friday", Map.of("batchIds", List.of(mine, theirs))));
        assertThat(notTheirs.status()).isEqualTo(400);
        assertThat(notTheirs.errorFields()).containsExactly("audience.batchIds");
        Response everyone = api.post("/api/v1/announcements", teacherToken,
                announcement("Holiday", Map.of("everyone", true)));
        assertThat(everyone.status()).isEqualTo(400);
        assertThat(everyone.errorFields()).containsExactly("audience");

        // A student may not publish at all.
        Response student = api.post("/api/v1/announcements", reader(asha, delhi),
                announcement("Party", Map.of("batchIds", List.of(mine))));
        assertThat(student.status()).isEqualTo(403);
        assertThat(ids(teacherToken, "/sent")).containsExactly(ok.json().path("id").asString());
    }

    @Test
    void contentIsCleanedAndBadInputIsAProblemNamingTheField() {
        UUID asha = student("Asha Rao", delhi, null);
        String token = staff(UUID.randomUUID(), delhi);
        Map<String, Object> good = announcement("Fees", Map.of("userIds", List.of(asha)));
        good.put("content", "<p>Pay by <b>Friday</b></p><script>alert('x')</script>"
                + "<a href=\"javascript:steal()\" onclick=\"steal()\">here</a><img src=\"https://x.in/a.png\" onerror=\"f()\">");
        Response published = api.post("/api/v1/announcements", token, good);
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        String content = published.json().path("content").asString();
        assertThat(content).startsWith("<p>Pay by <b>Friday</b></p>").contains("here", "https://x.in/a.png")
                .doesNotContain("script", "alert", "javascript", "onclick", "onerror");

        assertThat(with(token, good, "content", "<script>alert('x')</script>").errorFields())
                .containsExactly("content");
        assertThat(with(token, good, "content", "x".repeat(20_001)).errorFields()).containsExactly("content");
        assertThat(with(token, good, "title", " ").errorFields()).containsExactly("title");
        assertThat(with(token, good, "title", "t".repeat(201)).errorFields()).containsExactly("title");
        assertThat(with(token, good, "type", "LOUD").errorFields()).containsExactly("type");
        assertThat(with(token, good, "audience", null).errorFields()).containsExactly("audience");
        assertThat(with(token, good, "audience", Map.of()).errorFields()).containsExactly("audience");
        assertThat(with(token, good, "audience", Map.of("batchIds", List.of("nope"))).status()).isEqualTo(400);
        assertThat(with(token, good, "audience", Map.of("roles", List.of("bad role"))).status()).isEqualTo(400);
        assertThat(with(token, good, "expiresAt", START.minusSeconds(60).toString()).errorFields())
                .containsExactly("expiresAt");
        assertThat(with(token, good, "publishAt", "tomorrow").errorFields()).containsExactly("publishAt");
        assertThat(api.get("/api/v1/announcements/not-an-id", reader(asha, delhi)).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/announcements?unread=maybe", reader(asha, delhi)).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/announcements/sent?sort=title", token).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/announcements", null, good).status()).isEqualTo(401);
    }

    @Test
    void recipientsFilterUnreadAndTheAuthorSeesHowManyRead() {
        UUID morning = batch(delhi, null);
        UUID asha = student("Asha Rao", delhi, morning);
        UUID ravi = student("Ravi Kumar", delhi, morning);
        UUID author = UUID.randomUUID();
        String token = staff(author, delhi);
        String first = publish(token, "First", Map.of("batchIds", List.of(morning)));
        clock.advance(Duration.ofMinutes(5));
        String second = publish(token, "Second", Map.of("batchIds", List.of(morning)));

        assertThat(ids(reader(asha, delhi), "")).containsExactly(second, first);
        Response read = api.post("/api/v1/announcements/" + first + "/read", reader(asha, delhi), Map.of());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("read").asBoolean()).isTrue();
        clock.advance(Duration.ofMinutes(5));
        api.post("/api/v1/announcements/" + first + "/read", reader(asha, delhi), Map.of());

        assertThat(ids(reader(asha, delhi), "?unread=true")).containsExactly(second);
        assertThat(ids(reader(ravi, delhi), "?unread=true")).containsExactly(second, first);
        JsonNode page = api.get("/api/v1/announcements?size=1", reader(asha, delhi)).json();
        assertThat(page.path("content")).hasSize(1);
        assertThat(page.path("page").path("totalElements").asInt()).isEqualTo(2);

        JsonNode sent = api.get("/api/v1/announcements/sent", token).json();
        assertThat(sent.path("content").valueStream().map(a -> a.path("title").asString() + ":"
                + a.path("recipients").asInt() + ":" + a.path("reads").asInt()))
                .containsExactly("Second:2:0", "First:2:1");
        JsonNode one = api.get("/api/v1/announcements/" + first, token).json();
        assertThat(one.path("reads").asInt()).isEqualTo(1);
        assertThat(count("select count(*) from announcement_recipient where announcement_id = ?::uuid"
                + " and read_at = ?", first, java.sql.Timestamp.from(START.plus(Duration.ofMinutes(5)))))
                .isEqualTo(1);
    }

    @Test
    void anExpiredAnnouncementLeavesTheListsAndAWithdrawnOneIsHidden() {
        UUID asha = student("Asha Rao", delhi, null);
        String token = staff(UUID.randomUUID(), delhi);
        Map<String, Object> expiring = announcement("Today only", Map.of("userIds", List.of(asha)));
        expiring.put("expiresAt", START.plus(Duration.ofHours(1)).toString());
        String today = api.post("/api/v1/announcements", token, expiring).json().path("id").asString();
        String withdrawn = publish(token, "Wrong date", Map.of("userIds", List.of(asha)));
        assertThat(ids(reader(asha, delhi), "")).containsExactlyInAnyOrder(today, withdrawn);

        Response withdrawal = api.post("/api/v1/announcements/" + withdrawn + "/withdrawal", token, Map.of());
        assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(200);
        assertThat(withdrawal.json().path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(ids(reader(asha, delhi), "")).containsExactly(today);
        assertThat(api.get("/api/v1/announcements/" + withdrawn, reader(asha, delhi)).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/announcements/" + withdrawn + "/withdrawal", token, Map.of()).status())
                .isEqualTo(409);
        assertThat(api.patch("/api/v1/announcements/" + withdrawn, token, Map.of("title", "Right date")).status())
                .isEqualTo(409);

        clock.advance(Duration.ofMinutes(61));
        assertThat(ids(reader(asha, delhi), "")).isEmpty();
        assertThat(api.post("/api/v1/announcements/" + today + "/read", reader(asha, delhi), Map.of()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/announcements/" + today, token).json().path("status").asString())
                .isEqualTo("PUBLISHED");
    }

    @Test
    void editingKeepsTheRecipientsItWasPublishedTo() {
        UUID morning = batch(delhi, null);
        UUID asha = student("Asha Rao", delhi, morning);
        String token = staff(UUID.randomUUID(), delhi);
        String id = publish(token, "Exam", Map.of("batchIds", List.of(morning)));
        UUID latecomer = student("Late Comer", delhi, morning);

        Response edited = api.patch("/api/v1/announcements/" + id, token,
                Map.of("title", "Exam moved", "content", "<p>Now on <i>Monday</i></p><iframe src=\"https://x\"></iframe>",
                        "type", "ALERT"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().path("title").asString()).isEqualTo("Exam moved");
        assertThat(edited.json().path("content").asString()).isEqualTo("<p>Now on <i>Monday</i></p>");
        assertThat(edited.json().path("recipients").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/announcements", reader(asha, delhi)).json().path("content").get(0)
                .path("title").asString()).isEqualTo("Exam moved");
        assertThat(ids(reader(latecomer, delhi), "")).isEmpty();
        assertThat(api.patch("/api/v1/announcements/" + id, token, Map.of("title", "  ")).errorFields())
                .containsExactly("title");
        assertThat(api.patch("/api/v1/announcements/" + id, reader(asha, delhi), Map.of("title", "Mine")).status())
                .isEqualTo(404);
    }

    @Test
    void aScheduledAnnouncementGoesOutOnceWhenItsTimeComes() {
        UUID morning = batch(delhi, null);
        UUID asha = student("Asha Rao", delhi, morning);
        String token = staff(UUID.randomUUID(), delhi);
        Map<String, Object> later = announcement("Results tonight", Map.of("batchIds", List.of(morning)));
        later.put("publishAt", START.plus(Duration.ofHours(2)).toString());
        Response scheduled = api.post("/api/v1/announcements", token, later);
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        String id = scheduled.json().path("id").asString();
        assertThat(scheduled.json().path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(scheduled.json().path("recipients").asInt()).isZero();

        announcements.publishDue();
        assertThat(ids(reader(asha, delhi), "")).isEmpty();
        // Joining before it goes out is joining in time.
        UUID ravi = student("Ravi Kumar", delhi, morning);

        clock.advance(Duration.ofHours(2));
        announcements.publishDue();
        announcements.publishDue();
        assertThat(ids(reader(asha, delhi), "")).containsExactly(id);
        assertThat(ids(reader(ravi, delhi), "")).containsExactly(id);
        JsonNode published = api.get("/api/v1/announcements/" + id, token).json();
        assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.path("recipients").asInt()).isEqualTo(2);
        assertThat(published.path("publishedAt").asString()).isEqualTo(START.plus(Duration.ofHours(2)).toString());
        assertThat(notified(asha, "Results tonight")).containsExactly("New notice");
        assertThat(outbox.payloads("AnnouncementPublished", id)).singleElement()
                .satisfies(p -> assertThat(p.path("recipients").asInt()).isEqualTo(2));
    }

    @Test
    void publishingToFiveThousandTakesAsManyStatementsAsPublishingToTwo() {
        UUID small = batch(delhi, null);
        student("Asha Rao", delhi, small);
        student("Ravi Kumar", delhi, small);
        UUID large = batch(delhi, null);
        jdbc.update("""
                insert into recipient (user_id, email, name, role, branch_id, profile_type, active, updated_at)
                select gen_random_uuid(), 'student' || n || '@example.in', 'Student ' || n, 'STUDENT', ?, 'STUDENT',
                    true, now()
                from generate_series(1, 5000) n""", delhi);
        jdbc.update("""
                insert into enrollment (enrollment_id, student_id, batch_id, course_id, status, updated_at)
                select gen_random_uuid(), user_id, ?, ?, 'ACTIVE', now() from recipient
                where branch_id = ? and name like 'Student %'""", large, course, delhi);
        String token = staff(UUID.randomUUID(), delhi);

        StatementCounter.Counted<Response> two = StatementCounter.during(() -> api.post("/api/v1/announcements",
                token, announcement("Small", Map.of("batchIds", List.of(small)))));
        StatementCounter.Counted<Response> many = StatementCounter.during(() -> api.post("/api/v1/announcements",
                token, announcement("Large", Map.of("batchIds", List.of(large)))));

        assertThat(two.result().json().path("recipients").asInt()).isEqualTo(2);
        assertThat(many.result().json().path("recipients").asInt()).isEqualTo(5000);
        assertThat(many.statements()).isEqualTo(two.statements());
        assertThat(count("select count(*) from notification where title = 'New notice' and message = 'Large'"))
                .isEqualTo(5000);
    }

    private List<UUID> reached(String token, Map<String, Object> audience) {
        String id = publish(token, "Audience " + UUID.randomUUID(), audience);
        return jdbc.queryForList("select user_id from announcement_recipient where announcement_id = ?::uuid",
                UUID.class, id);
    }

    private String publish(String token, String title, Map<String, Object> audience) {
        Response published = api.post("/api/v1/announcements", token, announcement(title, audience));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        return published.json().path("id").asString();
    }

    private static Map<String, Object> announcement(String title, Map<String, Object> audience) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("content", "<p>" + title + "</p>");
        body.put("type", "NOTICE");
        body.put("audience", audience);
        return body;
    }

    private Response with(String token, Map<String, Object> good, String field, Object value) {
        Map<String, Object> body = new HashMap<>(good);
        body.put(field, value);
        return api.post("/api/v1/announcements", token, body);
    }

    private List<String> ids(String token, String query) {
        Response listed = api.get("/api/v1/announcements" + query, token);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        return listed.json().path("content").valueStream().map(a -> a.path("id").asString()).toList();
    }

    /** A batch of {@link #course} as BatchCreated leaves it in the read model. */
    private UUID batch(UUID branch, UUID teacher) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into batch (batch_id, course_id, branch_id, teacher_id, updated_at) values (?, ?, ?, ?, now())",
                id, course, branch, teacher);
        return id;
    }

    /** A student in the directory, with an ACTIVE enrollment in the batch if one is given. */
    private UUID student(String name, UUID branch, UUID batch) {
        UUID student = user(name, "STUDENT", branch, "STUDENT");
        if (batch != null) {
            jdbc.update("insert into enrollment values (?, ?, ?, ?, 'ACTIVE', now())", UUID.randomUUID(), student,
                    batch, course);
        }
        return student;
    }

    private static String reader(UUID user, UUID branch) {
        return KEYS.token().subject(user).roles(List.of("STUDENT")).branch(branch)
                .permissions(List.of("read:announcements")).studentProfile().sign();
    }

    private static String staff(UUID user, UUID branch) {
        return KEYS.token().subject(user).roles(List.of("BACKOFFICE")).branch(branch)
                .permissions(List.of("manage:announcements")).staffProfile().sign();
    }

    private static String headOffice(UUID user) {
        return KEYS.token().subject(user).roles(List.of("GENERAL_MANAGER"))
                .permissions(List.of("manage:announcements", "access:all_branches")).staffProfile().sign();
    }
}
