package dev.coachos.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/** The catalogue: what directors publish and what anyone may browse without logging in. */
class CatalogueIT extends CourseTestBase {

    @Test
    void aDirectorPublishesACourseWithASlugDerivedFromItsTitleAndAnEvent() {
        Response created = api.post("/api/v1/courses", director, Map.of(
                "title", "JEE Mathematics: Calculus & Algebra", "price", new BigDecimal("14999.00"),
                "level", "ADVANCED", "durationHours", 120, "featured", true,
                "thumbnailUrl", "https://cdn.example.in/jee.png",
                "description", "<p>Deep dive<script>alert(1)</script></p><a href=\"javascript:alert(2)\" onclick=\"x()\">x</a>",
                "whatYouWillLearn", List.of("Limits", "Integrals"), "features", List.of("Weekly tests")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode course = created.json();
        assertThat(course.path("slug").asString()).isEqualTo("jee-mathematics-calculus-algebra");
        assertThat(course.path("price").decimalValue()).isEqualByComparingTo("14999.00");
        assertThat(course.path("active").asBoolean()).isTrue();
        assertThat(course.path("whatYouWillLearn").get(1).asString()).isEqualTo("Integrals");
        assertThat(course.path("description").asString()).doesNotContain("script", "javascript", "onclick")
                .contains("<p>Deep dive</p>");
        assertThat(created.header("Location")).endsWith("/api/v1/courses/" + course.path("id").asString());

        List<String> published = events("CourseCreated", course.path("id").asString());
        assertThat(published).hasSize(1);
        assertThat(published.getFirst()).contains("\"price\": \"14999.00\"", "\"level\": \"ADVANCED\"");
        // Every course starts with its (empty) official curriculum.
        assertThat(officialCurriculum(course.path("id").asString())).isNotNull();

        // Found by id and by slug, without a token.
        assertThat(api.get("/api/v1/courses/jee-mathematics-calculus-algebra", null).text("id"))
                .isEqualTo(course.path("id").asString());
        assertThat(api.get("/api/v1/courses/" + course.path("id").asString(), null).status()).isEqualTo(200);
    }

    @Test
    void aTitleWithoutLatinLettersStillGetsAUsableSlug() {
        JsonNode course = createCourse("गणित कक्षा", "999", "BEGINNER", true);
        assertThat(course.path("slug").asString()).matches("course-[0-9a-f]{8}");
        // And is found by its words.
        String query = java.net.URLEncoder.encode("गणि", java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ids(api.get("/api/v1/courses?q=" + query, null))).contains(course.path("id").asString());
    }

    @Test
    void badCoursesAreRefusedNamingTheFieldAndNothingIsSaved() {
        int before = count("select count(*) from course");
        Response negative = api.post("/api/v1/courses", director,
                Map.of("title", "Physics", "price", -1, "level", "BEGINNER"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.text("type")).isEqualTo("urn:coachos:problem:validation");
        assertThat(negative.errorFields()).containsExactly("price");

        Response level = api.post("/api/v1/courses", director,
                Map.of("title", "Physics", "price", 10, "level", "EXPERT"));
        assertThat(level.status()).isEqualTo(400);

        Response slug = api.post("/api/v1/courses", director,
                Map.of("title", "Physics", "price", 10, "level", "BEGINNER", "slug", "Not A Slug"));
        assertThat(slug.status()).isEqualTo(400);
        assertThat(slug.errorFields()).containsExactly("slug");

        createCourse("NEET Biology", "5000", "BEGINNER", true);
        int afterFirst = count("select count(*) from course");
        int eventsBefore = count("select count(*) from outbox_event");
        Response duplicate = api.post("/api/v1/courses", director,
                Map.of("title", "NEET  Biology!", "price", 10, "level", "BEGINNER"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("detail")).contains("neet-biology");
        assertThat(count("select count(*) from course")).isEqualTo(afterFirst).isEqualTo(before + 1);
        assertThat(count("select count(*) from curriculum")).isEqualTo(afterFirst);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(eventsBefore);
    }

    @Test
    void onlyCourseManagersEditTheCatalogue() {
        Map<String, Object> body = Map.of("title", "Chemistry", "price", 10, "level", "BEGINNER");
        assertThat(api.post("/api/v1/courses", null, body).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/courses", student(java.util.UUID.randomUUID()), body).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/courses", teacher(java.util.UUID.randomUUID()), body).status()).isEqualTo(403);
        String generalManager = KEYS.token().permissions(List.of("manage:courses")).sign();
        assertThat(api.post("/api/v1/courses", generalManager, body).status()).isEqualTo(201);
        // A forged or expired token on a public path is still refused, not silently ignored.
        assertThat(api.get("/api/v1/courses", dev.coachos.testing.TestTokens.tamper(director)).status()).isEqualTo(401);
    }

    @Test
    void thePublicBrowsesOnlyActiveCoursesFilteredSortedAndPaged() {
        String marker = "Browse" + System.nanoTime();
        JsonNode a = createCourse(marker + " Algebra Basics", "1000", "BEGINNER", true);
        JsonNode b = createCourse(marker + " Advanced Calculus", "3000", "ADVANCED", true);
        JsonNode c = createCourse(marker + " Hidden Draft Course", "2000", "BEGINNER", false);
        api.patch("/api/v1/courses/" + b.path("id").asString(), director, Map.of("featured", true));

        JsonNode page = api.get("/api/v1/courses?q=" + marker + "&sort=price,asc", null).json();
        assertThat(page.path("page").path("totalElements").asInt()).isEqualTo(2);
        assertThat(page.path("content").get(0).path("id").asString()).isEqualTo(a.path("id").asString());
        assertThat(page.path("content").get(1).path("id").asString()).isEqualTo(b.path("id").asString());

        assertThat(ids(api.get("/api/v1/courses?q=" + marker + "&level=ADVANCED", null))).containsExactly(b.path("id").asString());
        assertThat(ids(api.get("/api/v1/courses?q=" + marker + "&featured=true", null))).containsExactly(b.path("id").asString());
        JsonNode second = api.get("/api/v1/courses?q=" + marker + "&sort=title,asc&size=1&page=1", null).json();
        assertThat(second.path("content").get(0).path("id").asString()).isEqualTo(a.path("id").asString());
        assertThat(second.path("page").path("totalPages").asInt()).isEqualTo(2);

        // Inactive: invisible to the public, by id and by slug; visible to staff who ask.
        assertThat(api.get("/api/v1/courses/" + c.path("id").asString(), null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/courses/" + c.path("slug").asString(), student(java.util.UUID.randomUUID())).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/courses/" + c.path("id").asString(), director).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/courses?includeInactive=true", null).status()).isEqualTo(403);
        assertThat(ids(api.get("/api/v1/courses?includeInactive=true&q=" + marker, director))).hasSize(3);

        Response badSort = api.get("/api/v1/courses?sort=password,asc", null);
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.errorFields()).containsExactly("sort");
        assertThat(api.get("/api/v1/courses?size=1000", null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/courses?level=EXPERT", null).status()).isEqualTo(400);
        // Text matches words and word beginnings of title and description, in any order and case.
        assertThat(ids(api.get("/api/v1/courses?q=alge%20" + marker.toLowerCase(), null))).containsExactly(a.path("id").asString());
        assertThat(ids(api.get("/api/v1/courses?q=CALCULUS%20" + marker, null))).containsExactly(b.path("id").asString());
        // Query syntax and SQL wildcards typed by a user are only text.
        assertThat(ids(api.get("/api/v1/courses?q=%25%25%25", null))).isEmpty();
        assertThat(ids(api.get("/api/v1/courses?q=" + marker + "%20%7C%20!(x%20%26", null))).isEmpty();
    }

    @Test
    void changingPriceTitleOrActivePublishesCourseUpdatedButAFeatureFlagDoesNot() {
        JsonNode course = createCourse("Spoken English", "4000", "BEGINNER", true);
        String id = course.path("id").asString();
        Response cheaper = api.patch("/api/v1/courses/" + id, director, Map.of("price", new BigDecimal("3499.50")));
        assertThat(cheaper.status()).as(cheaper.toString()).isEqualTo(200);
        assertThat(cheaper.json().path("price").decimalValue()).isEqualByComparingTo("3499.50");
        assertThat(cheaper.json().path("slug").asString()).isEqualTo("spoken-english");
        api.patch("/api/v1/courses/" + id, director, Map.of("featured", true));
        api.patch("/api/v1/courses/" + id, director, Map.of("active", false));
        List<String> updates = events("CourseUpdated", id);
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0)).contains("\"price\": \"3499.50\"", "\"revision\": 1");
        assertThat(updates.get(1)).contains("\"active\": false", "\"revision\": 2");

        assertThat(api.patch("/api/v1/courses/" + id, director, Map.of("price", -5)).status()).isEqualTo(400);
        assertThat(api.patch("/api/v1/courses/" + java.util.UUID.randomUUID(), director, Map.of("price", 5)).status())
                .isEqualTo(404);
        createCourse("Taken Name", "1", "BEGINNER", true);
        Response taken = api.patch("/api/v1/courses/" + id, director, Map.of("slug", "taken-name"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/courses/" + id, director).json().path("slug").asString()).isEqualTo("spoken-english");
    }

    @Test
    void roadmapsOrderCoursesAndACourseMaySitInSeveral() {
        JsonNode first = createCourse("Roadmap Course One", "100", "BEGINNER", true);
        JsonNode second = createCourse("Roadmap Course Two", "200", "INTERMEDIATE", true);
        JsonNode hidden = createCourse("Roadmap Course Hidden", "300", "ADVANCED", false);
        Response engineering = api.post("/api/v1/roadmaps", director, Map.of("title", "Engineering Entrance",
                "courseIds", List.of(second.path("id").asString(), hidden.path("id").asString(), first.path("id").asString())));
        assertThat(engineering.status()).as(engineering.toString()).isEqualTo(201);
        Response medical = api.post("/api/v1/roadmaps", director, Map.of("title", "Medical Entrance",
                "courseIds", List.of(first.path("id").asString())));
        assertThat(medical.status()).isEqualTo(201);

        JsonNode publicView = api.get("/api/v1/roadmaps/engineering-entrance", null).json();
        assertThat(publicView.path("courses").valueStream().map(n -> n.path("title").asString()).toList())
                .containsExactly("Roadmap Course Two", "Roadmap Course One");
        assertThat(api.get("/api/v1/roadmaps/engineering-entrance", director).json().path("courses").size()).isEqualTo(3);
        assertThat(ids(api.get("/api/v1/courses?roadmap=" + medical.text("id"), null)))
                .containsExactly(first.path("id").asString());

        String roadmap = engineering.text("id");
        Response reordered = api.put("/api/v1/roadmaps/" + roadmap + "/courses", director,
                Map.of("courseIds", List.of(first.path("id").asString(), second.path("id").asString())));
        assertThat(reordered.status()).as(reordered.toString()).isEqualTo(200);
        assertThat(reordered.json().path("courses").get(0).path("id").asString()).isEqualTo(first.path("id").asString());

        Response unknown = api.put("/api/v1/roadmaps/" + roadmap + "/courses", director,
                Map.of("courseIds", List.of(first.path("id").asString(), java.util.UUID.randomUUID().toString())));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("courseIds");
        Response twice = api.put("/api/v1/roadmaps/" + roadmap + "/courses", director,
                Map.of("courseIds", List.of(first.path("id").asString(), first.path("id").asString())));
        assertThat(twice.status()).isEqualTo(400);
        // The refused requests left the roadmap as it was.
        assertThat(api.get("/api/v1/roadmaps/" + roadmap, null).json().path("courses").size()).isEqualTo(2);
        assertThat(api.post("/api/v1/roadmaps", student(java.util.UUID.randomUUID()), Map.of("title", "X")).status())
                .isEqualTo(403);
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("content").valueStream().map(n -> n.path("id").asString()).toList();
    }
}
