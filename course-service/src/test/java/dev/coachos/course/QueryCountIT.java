package dev.coachos.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.coachos.testing.ApiClient.Response;

/**
 * No N+1: the effective-curriculum tree and a catalogue page cost the same number of SQL
 * statements whatever their size. Every statement the service prepares is counted at the
 * DataSource, so nothing it runs escapes the count.
 */
@Import(QueryCountIT.CountingDataSource.class)
class QueryCountIT extends CourseTestBase {

    static final AtomicInteger STATEMENTS = new AtomicInteger();

    @Test
    void theEffectiveCurriculumTakesTheSameStatementsForOneLessonAsForSixty() {
        String small = treeOf(1, 1);
        String large = treeOf(6, 10);
        UUID studentId = UUID.randomUUID();
        enrolledStudent(studentId, small);
        String student = enrolledStudent(studentId, large);

        int forSmall = statements(() -> api.get("/api/v1/courses/" + small + "/curriculum", student), 1);
        int forLarge = statements(() -> api.get("/api/v1/courses/" + large + "/curriculum", student), 60);

        assertThat(forLarge).isEqualTo(forSmall);
        // Curriculum choice, access checks (teaching? enrolled?), then modules, lessons and lesson resources.
        assertThat(forLarge).isBetween(4, 6);
    }

    @Test
    void aCataloguePageTakesTheSameStatementsForFiveCoursesAsForFifty() {
        String marker = "Counted" + System.nanoTime();
        for (int i = 0; i < 50; i++) {
            createCourse(marker + " " + i, Integer.toString(100 + i), "BEGINNER", true);
        }
        int five = statements(() -> api.get("/api/v1/courses?size=5&q=" + marker, null), -1);
        int fifty = statements(() -> api.get("/api/v1/courses?size=50&q=" + marker, null), -1);
        assertThat(fifty).isEqualTo(five).isEqualTo(2);
    }

    private String treeOf(int modules, int lessonsPerModule) {
        String course = createCourse("Counted tree " + modules + "x" + lessonsPerModule + " " + System.nanoTime(), "100",
                "BEGINNER", true).path("id").asString();
        String curriculum = officialCurriculum(course);
        for (int m = 0; m < modules; m++) {
            String module = addModule(curriculum, director, "Module " + m);
            for (int l = 0; l < lessonsPerModule; l++) {
                String lesson = addLesson(module, director, "Lesson " + m + "." + l, 1);
                api.post("/api/v1/lessons/" + lesson + "/resources", director, Map.of("title", "Sheet", "type", "FILE",
                        "url", "https://files.example.in/" + lesson + ".pdf"));
            }
        }
        return course;
    }

    /** The statements one request prepared, after checking it answered with the expected number of lessons. */
    private int statements(java.util.function.Supplier<Response> request, int lessons) {
        STATEMENTS.set(0);
        Response response = request.get();
        int counted = STATEMENTS.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        if (lessons >= 0) {
            int seen = response.json().path("modules").valueStream().mapToInt(m -> m.path("lessons").size()).sum();
            assertThat(seen).isEqualTo(lessons);
        }
        return counted;
    }

    /** Wraps the service's DataSource so every prepared or plain statement is counted. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CountingDataSource {

        private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "prepareCall", "createStatement");

        @Bean
        static BeanPostProcessor countingDataSourcePostProcessor() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())
                            ? counting(dataSource) : bean;
                }
            };
        }

        static DataSource counting(DataSource target) {
            return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        Object result = invoke(target, method, args);
                        return result instanceof Connection connection ? counting(connection) : result;
                    });
        }

        static Connection counting(Connection target) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (STATEMENT_METHODS.contains(method.getName())) {
                            STATEMENTS.incrementAndGet();
                        }
                        return invoke(target, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
