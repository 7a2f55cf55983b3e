package dev.coachos.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/** Official curricula, teachers' versions and their approval, and the effective curriculum. */
class CurriculumIT extends CourseTestBase {

    @Test
    void theDirectorWritesTheOfficialCurriculumAndReordersItInOneRequest() {
        String course = createCourse("Official Tree", "100", "BEGINNER", true).path("id").asString();
        String official = officialCurriculum(course);
        String algebra = addModule(official, director, "Algebra");
        String geometry = addModule(official, director, "Geometry");
        String a1 = addLesson(algebra, director, "Linear equations", 2);
        String a2 = addLesson(algebra, director, "Quadratics", 3);
        String g1 = addLesson(geometry, director, "Triangles", 1);

        Response order = api.put("/api/v1/curricula/" + official + "/order", director, Map.of("modules", List.of(
                Map.of("moduleId", geometry, "lessonIds", List.of(g1, a2)),
                Map.of("moduleId", algebra, "lessonIds", List.of(a1)))));
        assertThat(order.status()).as(order.toString()).isEqualTo(200);
        JsonNode tree = api.get("/api/v1/courses/" + course + "/curriculum", enrolledStudent(course)).json();
        assertThat(titles(tree)).containsExactly("Geometry: Triangles", "Geometry: Quadratics", "Algebra: Linear equations");
        assertThat(tree.path("official").asBoolean()).isTrue();
        assertThat(tree.path("modules").get(0).path("lessons").get(1).path("weightage").asInt()).isEqualTo(3);

        // Lessons changed: each change of the official lessons published the full ordered list, revision by revision.
        List<String> changes = events("LessonsChanged", official);
        assertThat(changes).hasSize(4);
        assertThat(changes.getLast()).contains("\"revision\": 4");
        assertThat(changes.getLast().indexOf(g1)).isLessThan(changes.getLast().indexOf(a2));
        assertThat(changes.getLast().indexOf(a2)).isLessThan(changes.getLast().indexOf(a1));
    }

    @Test
    void anOrderThatDoesNotMatchTheCurriculumIsRefusedAndNothingMoves() {
        String course = createCourse("Strict Order", "100", "BEGINNER", true).path("id").asString();
        String official = officialCurriculum(course);
        String m1 = addModule(official, director, "One");
        String m2 = addModule(official, director, "Two");
        String l1 = addLesson(m1, director, "First", 1);
        String l2 = addLesson(m1, director, "Second", 1);
        String l3 = addLesson(m2, director, "Third", 1);
        JsonNode before = api.get("/api/v1/curricula/" + official, director).json();

        Response missing = api.put("/api/v1/curricula/" + official + "/order", director, Map.of("modules", List.of(
                Map.of("moduleId", m1, "lessonIds", List.of(l2, l1)), Map.of("moduleId", m2, "lessonIds", List.of()))));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("detail")).contains("1 missing");
        Response twice = api.put("/api/v1/curricula/" + official + "/order", director, Map.of("modules", List.of(
                Map.of("moduleId", m1, "lessonIds", List.of(l1, l1)), Map.of("moduleId", m2, "lessonIds", List.of(l3, l2)))));
        assertThat(twice.status()).isEqualTo(400);
        Response moduleMissing = api.put("/api/v1/curricula/" + official + "/order", director, Map.of("modules", List.of(
                Map.of("moduleId", m1, "lessonIds", List.of(l1, l2, l3)))));
        assertThat(moduleMissing.status()).isEqualTo(400);
        assertThat(moduleMissing.errorFields()).containsExactly("modules");

        // A lesson of another curriculum can neither be ordered into nor moved into this one.
        String other = createCourse("Other Tree", "100", "BEGINNER", true).path("id").asString();
        String otherModule = addModule(officialCurriculum(other), director, "Elsewhere");
        String foreign = addLesson(otherModule, director, "Foreign", 1);
        Response smuggled = api.put("/api/v1/curricula/" + official + "/order", director, Map.of("modules", List.of(
                Map.of("moduleId", m1, "lessonIds", List.of(l1, l2, foreign)), Map.of("moduleId", m2, "lessonIds", List.of(l3)))));
        assertThat(smuggled.status()).isEqualTo(400);
        assertThat(smuggled.text("detail")).contains(foreign, "not in this curriculum");
        Response moved = api.patch("/api/v1/lessons/" + l1, director, Map.of("moduleId", otherModule));
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.errorFields()).containsExactly("moduleId");
        assertThat(api.get("/api/v1/curricula/" + official, director).json()).isEqualTo(before);

        // Moving within the curriculum works and closes the gap it leaves.
        Response within = api.patch("/api/v1/lessons/" + l1, director, Map.of("moduleId", m2));
        assertThat(within.status()).as(within.toString()).isEqualTo(200);
        assertThat(titles(api.get("/api/v1/curricula/" + official, director).json()))
                .containsExactly("One: Second", "Two: Third", "Two: First");
        assertThat(count("select position from lesson where id = ?::uuid", l2)).isEqualTo(1);
    }

    @Test
    void aTeacherDraftsSubmitsAndGetsApprovedAndTheEffectiveCurriculumFollows() {
        String course = createCourse("Versioned Physics", "100", "INTERMEDIATE", true).path("id").asString();
        String official = officialCurriculum(course);
        String mechanics = addModule(official, director, "Mechanics");
        addLesson(mechanics, director, "Newton's laws", 1);
        UUID teacherId = UUID.randomUUID();
        String teacher = teacher(teacherId);

        // Not assigned yet: no version.
        assertThat(api.post("/api/v1/courses/" + course + "/curricula", teacher, Map.of()).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/courses/" + course + "/teachers/" + teacherId, teacher, null).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/courses/" + course + "/teachers/" + teacherId, director, null).status()).isEqualTo(204);
        assertThat(api.put("/api/v1/courses/" + course + "/teachers/" + teacherId, director, null).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/courses/" + course + "/teachers", teacher).json().size()).isEqualTo(1);
        // Assigning twice tells other services once.
        assertThat(outbox.payloads("CourseTeacherAssigned", course)).singleElement()
                .satisfies(p -> assertThat(p.path("teacherId").asString()).isEqualTo(teacherId.toString()));

        Response drafted = api.post("/api/v1/courses/" + course + "/curricula", teacher, Map.of("versionName", "Mine"));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String version = drafted.text("id");
        assertThat(drafted.text("status")).isEqualTo("DRAFT");
        assertThat(titles(drafted.json())).containsExactly("Mechanics: Newton's laws");
        assertThat(drafted.json().path("modules").get(0).path("id").asString()).isNotEqualTo(mechanics);
        Response again = api.post("/api/v1/courses/" + course + "/curricula", teacher, Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains(version);

        // The teacher edits their own version only; nobody else edits it, and the teacher not the official one.
        String module = drafted.json().path("modules").get(0).path("id").asString();
        addLesson(module, teacher, "Friction", 2);
        assertThat(api.post("/api/v1/curricula/" + official + "/modules", teacher, Map.of("title", "X")).status())
                .isEqualTo(403);
        UUID colleague = UUID.randomUUID();
        api.put("/api/v1/courses/" + course + "/teachers/" + colleague, director, null);
        assertThat(api.post("/api/v1/modules/" + module + "/lessons", teacher(colleague), Map.of("title", "X")).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/modules/" + module + "/lessons", director, Map.of("title", "X")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/curricula/" + version, student(UUID.randomUUID())).status()).isEqualTo(404);

        // The effective curriculum is still the official one.
        assertThat(titles(effective(course, teacherId))).containsExactly("Mechanics: Newton's laws");

        Response submitted = api.post("/api/v1/curricula/" + version + "/submit", teacher, null);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(api.post("/api/v1/modules/" + module + "/lessons", teacher, Map.of("title", "Late")).status())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/curricula", director).json().valueStream().map(n -> n.path("id").asString()))
                .contains(version);
        assertThat(api.post("/api/v1/curricula/" + version + "/approve", teacher, null).status()).isEqualTo(403);

        Response rejected = api.post("/api/v1/curricula/" + version + "/reject", director, Map.of("reason", "Add energy"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.text("rejectionReason")).isEqualTo("Add energy");
        assertThat(api.post("/api/v1/curricula/" + version + "/reject", director, Map.of("reason", "Again")).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/curricula/" + version + "/reject", director, Map.of()).status()).isEqualTo(400);
        addLesson(module, teacher, "Energy", 2);
        assertThat(api.post("/api/v1/curricula/" + version + "/submit", teacher, null).status()).isEqualTo(200);
        Response approved = api.post("/api/v1/curricula/" + version + "/approve", director, null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");

        assertThat(titles(effective(course, teacherId)))
                .containsExactly("Mechanics: Newton's laws", "Mechanics: Friction", "Mechanics: Energy");
        assertThat(titles(effective(course, colleague))).containsExactly("Mechanics: Newton's laws");
        assertThat(api.get("/api/v1/courses/" + course + "/curriculum", enrolledStudent(course)).json()
                .path("official").asBoolean()).isTrue();
        // A student not enrolled in the course reads none of it; a dropped one no longer.
        assertThat(api.get("/api/v1/courses/" + course + "/curriculum", student(UUID.randomUUID())).status())
                .isEqualTo(404);
        UUID dropped = UUID.randomUUID();
        String droppedToken = enrolledStudent(dropped, course);
        assertThat(api.get("/api/v1/courses/" + course + "/curriculum", droppedToken).status()).isEqualTo(200);
        jdbc.update("update course_enrollment set status = 'DROPPED' where student_id = ?", dropped);
        // What was kept per student and course before enrollments were kept one by one still counts.
        UUID earlier = UUID.randomUUID();
        jdbc.update("insert into enrolled_student (student_id, course_id, status, updated_at) values (?, ?::uuid, 'ACTIVE', now())",
                earlier, course);
        assertThat(api.get("/api/v1/courses/" + course + "/curriculum", student(earlier)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/courses/" + course + "/curriculum", droppedToken).status()).isEqualTo(404);
        // Staff who read courses (back office, marketing) see every published curriculum.
        String backOffice = KEYS.token().permissions(List.of("read:courses")).staffProfile().sign();
        assertThat(api.get("/api/v1/courses/" + course + "/curriculum", backOffice).status()).isEqualTo(200);
        // Approved versions are frozen.
        assertThat(api.post("/api/v1/modules/" + module + "/lessons", teacher, Map.of("title", "After")).status())
                .isEqualTo(409);

        assertThat(events("CurriculumSubmitted", version)).hasSize(2);
        assertThat(events("CurriculumRejected", version).getFirst()).contains("Add energy", teacherId.toString());
        assertThat(events("CurriculumApproved", version).getFirst()).contains(teacherId.toString(), directorId.toString());
        List<String> lessons = events("LessonsChanged", version);
        assertThat(lessons).hasSize(1);
        assertThat(lessons.getFirst()).contains("\"teacherId\": \"" + teacherId + "\"");
    }

    @Test
    void parallelEditsOfOneCurriculumKeepItsOrderWhole() throws Exception {
        String course = createCourse("Busy Tree", "100", "BEGINNER", true).path("id").asString();
        String module = addModule(officialCurriculum(course), director, "Module");
        List<java.util.concurrent.Callable<Integer>> adds = java.util.stream.IntStream.range(0, 12)
                .<java.util.concurrent.Callable<Integer>>mapToObj(i -> () -> api.post("/api/v1/modules/" + module
                        + "/lessons", director, Map.of("title", "Parallel " + i)).status())
                .toList();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(12)) {
            for (var result : pool.invokeAll(adds)) {
                assertThat(result.get()).isEqualTo(201);
            }
        }
        assertThat(jdbc.queryForList("select position from lesson where module_id = ?::uuid order by position",
                Integer.class, module)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

        // Two reviewers deciding the same version at once: one decision wins, the other is told.
        UUID teacherId = UUID.randomUUID();
        api.put("/api/v1/courses/" + course + "/teachers/" + teacherId, director, null);
        String version = api.post("/api/v1/courses/" + course + "/curricula", teacher(teacherId), Map.of()).text("id");
        assertThat(api.post("/api/v1/curricula/" + version + "/submit", teacher(teacherId), null).status()).isEqualTo(200);
        String otherReviewer = KEYS.token().permissions(List.of("manage:curricula", "read:courses")).sign();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var approve = pool.submit(() -> api.post("/api/v1/curricula/" + version + "/approve", director, null).status());
            var reject = pool.submit(() -> api.post("/api/v1/curricula/" + version + "/reject", otherReviewer,
                    Map.of("reason", "No")).status());
            assertThat(List.of(approve.get(), reject.get())).containsExactlyInAnyOrder(200, 409);
        }
        assertThat(events("CurriculumApproved", version).size() + events("CurriculumRejected", version).size())
                .isEqualTo(1);
    }

    @Test
    void hiddenModulesAreHiddenFromStudentsAndDoNotCountForProgress() {
        String course = createCourse("Hidden Module", "100", "BEGINNER", true).path("id").asString();
        String official = officialCurriculum(course);
        String shown = addLesson(addModule(official, director, "Shown"), director, "Visible", 1);
        String draftModule = addModule(official, director, "Coming soon");
        String hidden = addLesson(draftModule, director, "Not yet", 1);
        assertThat(api.patch("/api/v1/modules/" + draftModule, director, Map.of("active", false)).status()).isEqualTo(200);

        String student = enrolledStudent(course);
        assertThat(titles(api.get("/api/v1/courses/" + course + "/curriculum", student).json()))
                .containsExactly("Shown: Visible");
        assertThat(api.get("/api/v1/lessons/" + hidden, student).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/lessons/" + shown, student).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/lessons/" + hidden, director).status()).isEqualTo(200);
        assertThat(titles(api.get("/api/v1/curricula/" + official, director).json()))
                .containsExactly("Shown: Visible", "Coming soon: Not yet");
        String last = events("LessonsChanged", official).getLast();
        assertThat(last).contains(shown).doesNotContain(hidden);
    }

    @Test
    void aTeacherTakenOffTheCourseNoLongerEditsTheirVersion() {
        String course = createCourse("Reassigned", "100", "BEGINNER", true).path("id").asString();
        addLesson(addModule(officialCurriculum(course), director, "M"), director, "L", 1);
        UUID teacherId = UUID.randomUUID();
        api.put("/api/v1/courses/" + course + "/teachers/" + teacherId, director, null);
        Response draft = api.post("/api/v1/courses/" + course + "/curricula", teacher(teacherId), Map.of());
        String module = draft.json().path("modules").get(0).path("id").asString();
        assertThat(api.delete("/api/v1/courses/" + course + "/teachers/" + teacherId, director).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/courses/" + course + "/teachers/" + teacherId, director).status()).isEqualTo(204);
        assertThat(outbox.payloads("CourseTeacherUnassigned", course)).singleElement()
                .satisfies(p -> assertThat(p.path("teacherId").asString()).isEqualTo(teacherId.toString()));
        assertThat(api.post("/api/v1/modules/" + module + "/lessons", teacher(teacherId), Map.of("title", "X")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/curricula/" + draft.text("id") + "/submit", teacher(teacherId), null).status())
                .isEqualTo(403);
        // They can still read what they wrote.
        assertThat(api.get("/api/v1/curricula/" + draft.text("id"), teacher(teacherId)).status()).isEqualTo(200);
        // An inactive course's teachers are not listed to students.
        api.patch("/api/v1/courses/" + course, director, Map.of("active", false));
        assertThat(api.get("/api/v1/courses/" + course + "/teachers", student(UUID.randomUUID())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/courses/" + course + "/teachers", director).status()).isEqualTo(200);
    }

    @Test
    void oneOfficialCurriculumPerCourseEvenThoughItsTeacherIsNull() {
        String course = createCourse("Single Official", "100", "BEGINNER", true).path("id").asString();
        assertThatThrownBy(() -> jdbc.update("""
                insert into curriculum (id, course_id, teacher_id, status, created_at, updated_at)
                values (gen_random_uuid(), ?::uuid, null, 'APPROVED', now(), now())""", course))
                .isInstanceOf(DuplicateKeyException.class);
        UUID teacher = UUID.randomUUID();
        jdbc.update("""
                insert into curriculum (id, course_id, teacher_id, status, created_at, updated_at)
                values (gen_random_uuid(), ?::uuid, ?, 'DRAFT', now(), now())""", course, teacher);
        assertThatThrownBy(() -> jdbc.update("""
                insert into curriculum (id, course_id, teacher_id, status, created_at, updated_at)
                values (gen_random_uuid(), ?::uuid, ?, 'DRAFT', now(), now())""", course, teacher))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void richTextIsSanitizedOnTheWayIn() {
        String course = createCourse("Safe Text", "100", "BEGINNER", true).path("id").asString();
        String module = addModule(officialCurriculum(course), director, "Module");
        String payload = "<h2>Vectors</h2><img src=x onerror=\"alert(document.cookie)\"><script>steal()</script>"
                + "<a href=\"javascript:alert(1)\">click</a><a href=\"https://example.in/notes\" onmouseover=\"x()\">notes</a>"
                + "<iframe src=\"https://evil.example\"></iframe><p style=\"background:url(javascript:x)\">text</p>";
        Response lesson = api.post("/api/v1/modules/" + module + "/lessons", director,
                Map.of("title", "Vectors", "richTextContent", payload));
        assertThat(lesson.status()).isEqualTo(201);
        String stored = api.get("/api/v1/lessons/" + lesson.text("id"), enrolledStudent(course)).text("richTextContent");
        assertThat(stored).contains("<h2>Vectors</h2>", "href=\"https://example.in/notes\"", "<p>text</p>", "click")
                .doesNotContainIgnoringCase("script").doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("onmouseover").doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("iframe").doesNotContainIgnoringCase("style");
        String inDatabase = jdbc.queryForObject("select rich_text_content from lesson where id = ?::uuid", String.class,
                lesson.text("id"));
        assertThat(inDatabase).isEqualTo(stored);
    }

    @Test
    void lessonsHaveResourcesOfTheirOwnAndFromTheSharedLibrary() {
        String course = createCourse("Resourceful", "100", "BEGINNER", true).path("id").asString();
        String module = addModule(officialCurriculum(course), director, "Module");
        String lesson = addLesson(module, director, "Lesson", 1);
        Response library = api.post("/api/v1/resources", teacher(UUID.randomUUID()), Map.of("title", "Formula sheet",
                "type", "DOCUMENT", "url", "https://files.example.in/formulae.pdf", "courseId", course));
        assertThat(library.status()).as(library.toString()).isEqualTo(201);
        assertThat(api.post("/api/v1/resources", student(UUID.randomUUID()), Map.of("title", "X", "type", "LINK",
                "url", "https://x.example")).status()).isEqualTo(403);

        assertThat(api.post("/api/v1/lessons/" + lesson + "/resources", director, Map.of("title", "Slides",
                "type", "FILE", "url", "https://files.example.in/slides.pdf")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/lessons/" + lesson + "/resources", director,
                Map.of("resourceId", library.text("id"))).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/lessons/" + lesson + "/resources", director,
                Map.of("resourceId", library.text("id"))).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/lessons/" + lesson + "/resources", director,
                Map.of("resourceId", UUID.randomUUID().toString())).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/lessons/" + lesson + "/resources", director, Map.of("title", "No url",
                "type", "FILE")).status()).isEqualTo(400);

        // A library resource in use cannot be deleted (it would change curricula behind their owners' backs).
        Response inUse = api.delete("/api/v1/resources/" + library.text("id"), director);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.text("detail")).contains("1 lesson");

        JsonNode resources = api.get("/api/v1/lessons/" + lesson, enrolledStudent(course)).json().path("resources");
        assertThat(resources.valueStream().map(r -> r.path("title").asString()).toList())
                .containsExactly("Slides", "Formula sheet");
        assertThat(resources.get(1).path("resourceId").asString()).isEqualTo(library.text("id"));
        assertThat(api.get("/api/v1/resources?courseId=" + course, enrolledStudent(course)).json()
                .path("page").path("totalElements").asInt()).isEqualTo(1);
        // The effective tree carries them too.
        assertThat(api.get("/api/v1/courses/" + course + "/curriculum", enrolledStudent(course)).json()
                .path("modules").get(0).path("lessons").get(0).path("resources").size()).isEqualTo(2);
    }

    private JsonNode effective(String course, UUID teacherId) {
        Response response = api.get("/api/v1/courses/" + course + "/curriculum?teacherId=" + teacherId,
                enrolledStudent(course));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<String> titles(JsonNode tree) {
        return tree.path("modules").valueStream().flatMap(m -> m.path("lessons").valueStream()
                .map(l -> m.path("title").asString() + ": " + l.path("title").asString())).toList();
    }
}
