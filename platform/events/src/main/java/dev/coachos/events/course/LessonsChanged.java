package dev.coachos.events.course;

import java.util.List;

import dev.coachos.events.DomainEvent;

/**
 * The full, ordered lesson list of a curriculum that counts for progress: the official one after
 * any change to its lessons, a teacher's version when it is approved. A snapshot, not a diff:
 * keep the one with the highest {@code revision} per curriculum. Consumers: enrollment (progress
 * read model), audit.
 *
 * @param curriculumId the curriculum (UUID)
 * @param courseId     its course (UUID)
 * @param teacherId    the teacher whose version it is (user id), or null for the official curriculum
 * @param revision     increases with every change of this curriculum's lessons
 * @param lessons      every lesson in reading order
 */
public record LessonsChanged(String curriculumId, String courseId, String teacherId, long revision,
        List<LessonEntry> lessons) implements DomainEvent {

    public LessonsChanged {
        lessons = lessons == null ? List.of() : List.copyOf(lessons);
    }

    @Override
    public String aggregateId() {
        return curriculumId;
    }

    /**
     * One lesson of the list.
     *
     * @param lessonId  the lesson (UUID)
     * @param moduleId  its module (UUID)
     * @param order     its place in the whole curriculum, from 1
     * @param weightage its weight in progress (a share of the sum of all weights)
     */
    public record LessonEntry(String lessonId, String moduleId, int order, int weightage) {
    }
}
