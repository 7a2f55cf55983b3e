package dev.coachos.enrollment.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.events.course.CourseCreated;
import dev.coachos.events.course.CourseEvents;
import dev.coachos.events.course.CourseUpdated;
import dev.coachos.events.course.LessonsChanged;
import dev.coachos.messaging.inbox.IncomingEvent;
import dev.coachos.testing.PublishedEvent;

/** course-service's events as published, read the way the course read model reads them. */
class CourseEventsContractTest {

    private final UUID course = UUID.randomUUID();

    @Test
    void courseCreatedGivesTheCourseItsPriceAndNoRevision() {
        CourseReadModel.CourseState state = read(new CourseCreated(course.toString(), "JEE Physics", "jee-physics",
                "14999.00", "ADVANCED", true), CourseReadModel.CourseState.class);
        assertThat(state.courseId()).isEqualTo(course);
        assertThat(state.title()).isEqualTo("JEE Physics");
        assertThat(state.price()).isEqualByComparingTo(new BigDecimal("14999.00"));
        assertThat(state.active()).isTrue();
        assertThat(state.revision()).isNull();
    }

    @Test
    void courseUpdatedCarriesTheStateAfterTheChangeAndItsRevision() {
        CourseReadModel.CourseState state = read(new CourseUpdated(course.toString(), "JEE Physics II", "jee-physics-ii",
                "15999.50", "ADVANCED", false, 7), CourseReadModel.CourseState.class);
        assertThat(state.title()).isEqualTo("JEE Physics II");
        assertThat(state.price()).isEqualByComparingTo(new BigDecimal("15999.50"));
        assertThat(state.active()).isFalse();
        assertThat(state.revision()).isEqualTo(7L);
    }

    @Test
    void lessonsChangedGivesTheOrderedLessonsWithTheirWeights() {
        UUID curriculum = UUID.randomUUID();
        UUID teacher = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        CourseReadModel.Lessons lessons = read(new LessonsChanged(curriculum.toString(), course.toString(),
                teacher.toString(), 3, List.of(new LessonsChanged.LessonEntry(first.toString(), UUID.randomUUID().toString(), 1, 2),
                        new LessonsChanged.LessonEntry(second.toString(), UUID.randomUUID().toString(), 2, 5))),
                CourseReadModel.Lessons.class);
        assertThat(lessons.curriculumId()).isEqualTo(curriculum);
        assertThat(lessons.courseId()).isEqualTo(course);
        assertThat(lessons.teacherId()).isEqualTo(teacher);
        assertThat(lessons.revision()).isEqualTo(3);
        assertThat(lessons.lessons()).containsExactly(new CourseReadModel.Lesson(first, 1, 2),
                new CourseReadModel.Lesson(second, 2, 5));
        CourseReadModel.Lessons official = read(new LessonsChanged(curriculum.toString(), course.toString(), null, 1,
                List.of()), CourseReadModel.Lessons.class);
        assertThat(official.teacherId()).isNull();
        assertThat(official.lessons()).isEmpty();
    }

    private static <T> T read(dev.coachos.events.DomainEvent event, Class<T> type) {
        return IncomingEvent.read(PublishedEvent.json(CourseEvents.typeOf(event), event)).payloadAs(type, 1);
    }
}
