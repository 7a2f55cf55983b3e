package dev.coachos.enrollment.batch;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.coachos.platform.web.Problems;

/**
 * A batch's weekly timetable as clients write it, {@code {"mon": "10:00-12:00", "thu": "16:30-18:00"}}:
 * at most one slot a day, in the institute's time zone.
 */
public record WeeklySchedule(List<Slot> slots) {

    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);
    private static final Pattern RANGE = Pattern.compile("^(\\d{2}:\\d{2})-(\\d{2}:\\d{2})$");

    public WeeklySchedule {
        slots = List.copyOf(slots);
    }

    /** Parses and checks the client's map; a bad entry is a 400 naming {@code schedule.<day>}. */
    public static WeeklySchedule parse(Map<String, String> raw) {
        List<Slot> slots = new ArrayList<>();
        if (raw == null) {
            return new WeeklySchedule(slots);
        }
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            String field = "schedule." + entry.getKey();
            DayOfWeek day = DAYS.get(entry.getKey());
            if (day == null) {
                throw Problems.invalidField(field, "days are mon, tue, wed, thu, fri, sat and sun");
            }
            Matcher m = RANGE.matcher(entry.getValue() == null ? "" : entry.getValue().strip());
            if (!m.matches()) {
                throw Problems.invalidField(field, "write the slot as HH:MM-HH:MM, such as 10:00-12:00");
            }
            LocalTime start;
            LocalTime end;
            try {
                start = LocalTime.parse(m.group(1));
                end = m.group(2).equals("24:00") ? LocalTime.MAX : LocalTime.parse(m.group(2));
            } catch (DateTimeParseException e) {
                throw Problems.invalidField(field, "not a time of day: " + entry.getValue());
            }
            if (!end.isAfter(start)) {
                throw Problems.invalidField(field, "the slot must end after it starts");
            }
            slots.add(new Slot(day, start, end));
        }
        slots.sort((a, b) -> a.day().compareTo(b.day()));
        return new WeeklySchedule(slots);
    }

    /** The client's form again. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Slot slot : slots) {
            map.put(slot.day().name().substring(0, 3).toLowerCase(java.util.Locale.ROOT), slot.text());
        }
        return map;
    }

    /** One weekly slot; an end of {@code LocalTime.MAX} stands for midnight at the end of the day (24:00). */
    public record Slot(DayOfWeek day, LocalTime start, LocalTime end) {

        /** A slot from minutes after midnight, as slots are stored (1440 = 24:00). */
        public static Slot ofMinutes(DayOfWeek day, int startMinute, int endMinute) {
            return new Slot(day, LocalTime.of(startMinute / 60, startMinute % 60),
                    endMinute >= 1440 ? LocalTime.MAX : LocalTime.of(endMinute / 60, endMinute % 60));
        }

        /** Whether both slots are on the same weekday and share time; touching ends (10-12, 12-14) do not overlap. */
        public boolean overlaps(Slot other) {
            return day == other.day && startMinute() < other.endMinute() && other.startMinute() < endMinute();
        }

        int startMinute() {
            return start.getHour() * 60 + start.getMinute();
        }

        int endMinute() {
            return end.equals(LocalTime.MAX) ? 1440 : end.getHour() * 60 + end.getMinute();
        }

        String text() {
            return start + "-" + (end.equals(LocalTime.MAX) ? "24:00" : end.toString());
        }
    }
}
