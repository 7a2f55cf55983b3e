package dev.coachos.marketing.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StageTest {

    @Test
    void stagesMoveForwardPossiblySkippingOneNeverBack() {
        assertThat(Stage.NEW.mayMoveTo(Stage.CONTACTED)).isTrue();
        assertThat(Stage.NEW.mayMoveTo(Stage.QUALIFIED)).isTrue();
        assertThat(Stage.NEGOTIATION.mayMoveTo(Stage.CONVERTED)).isTrue();
        assertThat(Stage.QUALIFIED.mayMoveTo(Stage.CONTACTED)).isFalse();
        assertThat(Stage.CONTACTED.mayMoveTo(Stage.CONTACTED)).isFalse();
        assertThat(Stage.CONTACTED.mayMoveTo(null)).isFalse();
    }

    @Test
    void anyOpenStageMayBeLostWithAReason() {
        for (Stage open : new Stage[] {Stage.NEW, Stage.CONTACTED, Stage.QUALIFIED, Stage.NEGOTIATION}) {
            assertThat(open.isOpen()).isTrue();
            assertThat(open.moveTo(Stage.LOST, "joined another institute")).isEqualTo(Stage.LOST);
            assertThatThrownBy(() -> open.moveTo(Stage.LOST, " ")).hasMessage("a lead moved to LOST needs a reason");
        }
    }

    @Test
    void convertedAndLostAreClosed() {
        for (Stage closed : new Stage[] {Stage.CONVERTED, Stage.LOST}) {
            assertThat(closed.isOpen()).isFalse();
            for (Stage next : Stage.values()) {
                assertThat(closed.mayMoveTo(next)).isFalse();
            }
            assertThatThrownBy(() -> closed.moveTo(Stage.NEW, null)).hasMessageContaining("is closed");
        }
        assertThatThrownBy(() -> Stage.QUALIFIED.moveTo(Stage.NEW, null))
                .hasMessageContaining("only move forward");
    }
}
