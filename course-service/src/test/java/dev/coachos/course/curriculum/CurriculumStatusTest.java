package dev.coachos.course.curriculum;

import static dev.coachos.course.curriculum.Curriculum.Status.APPROVED;
import static dev.coachos.course.curriculum.Curriculum.Status.DRAFT;
import static dev.coachos.course.curriculum.Curriculum.Status.PENDING_APPROVAL;
import static dev.coachos.course.curriculum.Curriculum.Status.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CurriculumStatusTest {

    @Test
    void aDraftOrARejectedVersionIsOnlySubmitted() {
        assertThat(next(DRAFT)).containsExactly(PENDING_APPROVAL);
        assertThat(next(REJECTED)).containsExactly(PENDING_APPROVAL);
    }

    @Test
    void aSubmittedVersionIsOnlyApprovedOrRejected() {
        assertThat(next(PENDING_APPROVAL)).containsExactlyInAnyOrder(APPROVED, REJECTED);
    }

    @Test
    void anApprovedVersionIsFinal() {
        assertThat(next(APPROVED)).isEmpty();
    }

    @Test
    void nothingBecomesWhatItAlreadyIs() {
        for (Curriculum.Status status : Curriculum.Status.values()) {
            assertThat(status.mayBecome(status)).as(status.name()).isFalse();
        }
    }

    @Test
    void aDecisionIsTakenOnlyOnAVersionWaitingForIt() {
        assertThat(Curriculum.Status.allowedBefore(APPROVED)).containsExactly("PENDING_APPROVAL");
        assertThat(Curriculum.Status.allowedBefore(REJECTED)).containsExactly("PENDING_APPROVAL");
        assertThat(Curriculum.Status.allowedBefore(PENDING_APPROVAL)).containsExactlyInAnyOrder("DRAFT", "REJECTED");
        assertThat(Curriculum.Status.allowedBefore(DRAFT)).isEmpty();
    }

    private static Set<Curriculum.Status> next(Curriculum.Status from) {
        Set<Curriculum.Status> next = EnumSet.noneOf(Curriculum.Status.class);
        Arrays.stream(Curriculum.Status.values()).filter(from::mayBecome).forEach(next::add);
        return next;
    }
}
