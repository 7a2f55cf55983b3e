package dev.coachos.enrollment.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class WeeklyScheduleTest {

    @Test
    void daysAndHoursAreReadInWeekOrderAndWrittenBackTheSameWay() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("sat", "17:30-24:00");
        raw.put("mon", " 10:00-12:00 ");
        WeeklySchedule schedule = WeeklySchedule.parse(raw);
        assertThat(schedule.slots()).extracting(WeeklySchedule.Slot::day).containsExactly(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
        assertThat(schedule.slots().get(1).end()).isEqualTo(LocalTime.MAX);
        assertThat(schedule.asMap()).containsExactly(Map.entry("mon", "10:00-12:00"), Map.entry("sat", "17:30-24:00"));
        assertThat(WeeklySchedule.parse(null).slots()).isEmpty();
    }

    @Test
    void aBadEntryIsRefusedNamingItsDay() {
        assertRefused(Map.of("funday", "10:00-12:00"), "schedule.funday");
        assertRefused(Map.of("tue", "10-12"), "schedule.tue");
        assertRefused(Map.of("wed", "25:00-26:00"), "schedule.wed");
        assertRefused(Map.of("thu", "12:00-12:00"), "schedule.thu");
        assertRefused(Map.of("fri", "14:00-09:00"), "schedule.fri");
    }

    @Test
    void slotsOverlapOnlyOnTheSameDayWhenTheyShareTime() {
        WeeklySchedule.Slot morning = slot(DayOfWeek.MONDAY, "10:00", "12:00");
        assertThat(morning.overlaps(slot(DayOfWeek.MONDAY, "11:00", "13:00"))).isTrue();
        assertThat(morning.overlaps(slot(DayOfWeek.MONDAY, "09:00", "10:01"))).isTrue();
        assertThat(morning.overlaps(slot(DayOfWeek.MONDAY, "10:30", "11:00"))).isTrue();
        assertThat(slot(DayOfWeek.MONDAY, "10:30", "11:00").overlaps(morning)).isTrue();
        // Back to back is not a clash.
        assertThat(morning.overlaps(slot(DayOfWeek.MONDAY, "12:00", "14:00"))).isFalse();
        assertThat(morning.overlaps(slot(DayOfWeek.MONDAY, "08:00", "10:00"))).isFalse();
        assertThat(morning.overlaps(slot(DayOfWeek.TUESDAY, "10:00", "12:00"))).isFalse();
        WeeklySchedule.Slot late = WeeklySchedule.Slot.ofMinutes(DayOfWeek.FRIDAY, 22 * 60, 1440);
        assertThat(late.end()).isEqualTo(LocalTime.MAX);
        assertThat(late.overlaps(slot(DayOfWeek.FRIDAY, "23:30", "23:45"))).isTrue();
        assertThat(late.text()).isEqualTo("22:00-24:00");
    }

    private static WeeklySchedule.Slot slot(DayOfWeek day, String start, String end) {
        return new WeeklySchedule.Slot(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static void assertRefused(Map<String, String> raw, String field) {
        assertThatThrownBy(() -> WeeklySchedule.parse(raw)).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getBody().getProperties().get("errors").toString()).contains("field=" + field));
    }
}
