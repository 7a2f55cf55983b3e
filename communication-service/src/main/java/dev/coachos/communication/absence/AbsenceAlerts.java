package dev.coachos.communication.absence;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.communication.delivery.Deliveries;
import dev.coachos.communication.delivery.OutgoingMessage;
import dev.coachos.communication.delivery.Purpose;
import dev.coachos.communication.delivery.Recipient;
import dev.coachos.communication.enrollment.Batches;
import dev.coachos.communication.identity.Directory;
import dev.coachos.communication.notification.Notification;
import dev.coachos.communication.notification.Notifications;
import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;
import dev.coachos.messaging.inbox.IncomingEvent.MalformedEvent;

/**
 * Turns enrollment-service's AttendanceMarked into absence alerts, each event once however often it
 * arrives. Each student's mark is kept per batch and session date (a re-marked session replaces
 * it). An ABSENT student's guardians are sent ABSENCE_ALERT for a session of today or yesterday in
 * the institute's zone, once per (student, batch, date) however often the session is re-marked
 * ABSENT; a re-mark as PRESENT, LATE or EXCUSED cancels the alert if it has not gone yet.
 * <p>
 * A streak is a run of the student's marks in a batch, in date order, with no PRESENT or LATE in
 * it: EXCUSED neither counts nor breaks it. When a streak holds {@code coachos.absences.streak}
 * absences, the branch's staff (the configured roles) and the batch's teacher are told once
 * (ABSENCE_STREAK deliveries and an in-app notification); a streak is known by its first absence,
 * and one that already holds a told streak's first absence is not told again. Marks may arrive out
 * of date order: streaks are counted from the kept marks, not from the order of arrival.
 * Enrollment keys attendance by batch, so a batch's sessions arrive in order.
 */
@Component
class AbsenceAlerts {

    static final String CONSUMER = "communication.absences";

    private static final Set<String> STATUSES = Set.of("PRESENT", "ABSENT", "LATE", "EXCUSED");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private static final Logger log = LoggerFactory.getLogger(AbsenceAlerts.class);

    private final Inbox inbox;
    private final Deliveries deliveries;
    private final Directory directory;
    private final Batches batches;
    private final Notifications notifications;
    private final AbsenceSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;

    AbsenceAlerts(Inbox inbox, Deliveries deliveries, Directory directory, Batches batches,
            Notifications notifications, AbsenceSettings settings, JdbcClient jdbc, Clock clock) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.directory = directory;
        this.batches = batches;
        this.notifications = notifications;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.ENROLLMENT, groupId = "communication-service.absences")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        if (!event.type().equals("AttendanceMarked")) {
            return;
        }
        Marked marked = event.payloadAs(Marked.class, 1);
        UUID batch = IncomingEvent.uuid(marked.batchId(), "batchId");
        LocalDate date = date(marked.date());
        Map<UUID, String> marks = new LinkedHashMap<>();
        for (Mark mark : marked.records() == null ? List.<Mark>of() : marked.records()) {
            if (mark == null || mark.status() == null || !STATUSES.contains(mark.status())) {
                throw new MalformedEvent("AttendanceMarked with a record whose status is not PRESENT, ABSENT, LATE "
                        + "or EXCUSED");
            }
            marks.put(IncomingEvent.uuid(mark.studentId(), "records.studentId"), mark.status());
        }
        boolean applied = inbox.applyOnce(CONSUMER, event.eventId(), () -> apply(batch, date, marks));
        log.debug("AttendanceMarked {} for batch {} on {}: {}", event.eventId(), batch, date,
                applied ? marks.size() + " marks applied" : "already applied, skipped");
    }

    private void apply(UUID batchId, LocalDate date, Map<UUID, String> marks) {
        if (marks.isEmpty()) {
            return;
        }
        keep(batchId, date, marks);
        Batches.Batch batch = batches.find(batchId).orElse(null);
        String batchName = batch == null || batch.name() == null ? "the batch" : batch.name();
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        boolean recent = !date.isBefore(today.minusDays(1));
        int alerts = 0;
        int cancelled = 0;
        for (Map.Entry<UUID, String> mark : marks.entrySet()) {
            UUID student = mark.getKey();
            String related = "attendance:" + batchId + ":" + date + ":" + student;
            if (mark.getValue().equals("ABSENT")) {
                if (recent) {
                    alerts += alertGuardians(batchId, batchName, date, student, related);
                }
            } else {
                cancelled += deliveries.cancel(related, "the session was re-marked " + mark.getValue());
            }
            streaks(batchId, batch, batchName, student);
        }
        log.info("Attendance of batch {} on {}: {} marks, {} alerts queued, {} cancelled", batchId, date,
                marks.size(), alerts, cancelled);
    }

    /** Upserts the marks: a re-marked session replaces the student's mark for that date. */
    private void keep(UUID batchId, LocalDate date, Map<UUID, String> marks) {
        jdbc.sql("""
                insert into attendance_mark (batch_id, student_id, session_date, status, updated_at)
                select ?, m.student_id, ?, m.status, ?
                  from unnest(?::uuid[], ?::varchar[]) as m(student_id, status)
                on conflict (batch_id, student_id, session_date) do update set status = excluded.status,
                    alert_round = attendance_mark.alert_round
                        + case when attendance_mark.status = 'ABSENT' and excluded.status <> 'ABSENT' then 1 else 0 end,
                    updated_at = excluded.updated_at""")
                .params(batchId, date, Timestamp.from(clock.instant()), marks.keySet().toArray(UUID[]::new),
                        marks.values().toArray(String[]::new))
                .update();
    }

    private int alertGuardians(UUID batchId, String batchName, LocalDate date, UUID student, String related) {
        List<Directory.Guardian> guardians = directory.guardiansOf(student);
        if (guardians.isEmpty()) {
            return 0;
        }
        int round = jdbc.sql("select alert_round from attendance_mark where batch_id = ? and student_id = ? "
                + "and session_date = ?").params(batchId, student, date).query(Integer.class).single();
        // One alert per absence statement: marked again as ABSENT, nothing more; corrected and then marked
        // ABSENT once more, a new alert (the corrected one was cancelled, or had already gone).
        UUID source = UUID.nameUUIDFromBytes(("absence:" + batchId + ":" + date + ":" + student
                + (round == 0 ? "" : ":" + round)).getBytes(StandardCharsets.UTF_8));
        Map<String, String> variables = Map.of("studentName", studentName(student, "Your ward"),
                "batchName", batchName, "date", DAY.format(date));
        int queued = 0;
        for (Directory.Guardian guardian : guardians) {
            queued += deliveries.queue(new OutgoingMessage(Purpose.ABSENCE_ALERT, source,
                    Recipient.guardian(guardian.name(), guardian.email(), guardian.phone()), variables, related));
        }
        return queued;
    }

    /** Tells every streak of the student's in the batch that is long enough and not told yet. */
    private void streaks(UUID batchId, Batches.Batch batch, String batchName, UUID student) {
        List<Run> runs = runs(jdbc.sql("""
                select session_date, status from attendance_mark where batch_id = ? and student_id = ?
                 order by session_date""")
                .params(batchId, student)
                .query((rs, n) -> new Dated(rs.getObject("session_date", LocalDate.class), rs.getString("status")))
                .list());
        List<Run> longRuns = runs.stream().filter(run -> run.absences() >= settings.streak()).toList();
        if (longRuns.isEmpty()) {
            return;
        }
        List<LocalDate> told = jdbc.sql("select since from absence_streak where batch_id = ? and student_id = ?")
                .params(batchId, student).query(LocalDate.class).list();
        for (Run run : longRuns) {
            boolean alreadyTold = told.stream().anyMatch(since -> !since.isBefore(run.from()) && !since.isAfter(run.to()));
            if (!alreadyTold) {
                tell(batchId, batch, batchName, student, run);
            }
        }
    }

    /** The runs of marks without PRESENT or LATE, each from its first absence to its last. */
    static List<Run> runs(List<Dated> marks) {
        List<Run> runs = new ArrayList<>();
        LocalDate from = null;
        LocalDate to = null;
        int absences = 0;
        for (Dated mark : marks) {
            switch (mark.status()) {
                case "ABSENT" -> {
                    from = from == null ? mark.date() : from;
                    to = mark.date();
                    absences++;
                }
                case "PRESENT", "LATE" -> {
                    if (absences > 0) {
                        runs.add(new Run(from, to, absences));
                    }
                    from = null;
                    to = null;
                    absences = 0;
                }
                default -> {
                    // EXCUSED: neither counts nor breaks the run.
                }
            }
        }
        if (absences > 0) {
            runs.add(new Run(from, to, absences));
        }
        return runs;
    }

    private void tell(UUID batchId, Batches.Batch batch, String batchName, UUID student, Run run) {
        int recorded = jdbc.sql("""
                insert into absence_streak (batch_id, student_id, since, absences, told_at) values (?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(batchId, student, run.from(), run.absences(), Timestamp.from(clock.instant())).update();
        if (recorded == 0) {
            return;
        }
        List<UUID> people = new ArrayList<>();
        if (batch != null && batch.branchId() != null) {
            people.addAll(directory.inBranchWithRoles(batch.branchId(), settings.staffRoles()));
        }
        if (batch != null && batch.teacherId() != null && !people.contains(batch.teacherId())
                && directory.find(batch.teacherId()).map(Directory.Recipient::active).orElse(true)) {
            people.add(batch.teacherId());
        }
        if (people.isEmpty()) {
            log.warn("{} absences in a row of student {} in batch {}: nobody to tell (no staff or teacher known)",
                    run.absences(), student, batchId);
            return;
        }
        String name = studentName(student, "A student");
        String since = DAY.format(run.from());
        UUID source = UUID.nameUUIDFromBytes(("absence-streak:" + batchId + ":" + student + ":" + run.from())
                .getBytes(StandardCharsets.UTF_8));
        Map<String, String> variables = Map.of("studentName", name, "batchName", batchName,
                "absences", Integer.toString(run.absences()), "since", since);
        Set<UUID> known = new HashSet<>();
        for (Directory.Contact contact : directory.activeContacts(people)) {
            known.add(contact.userId());
            deliveries.queue(new OutgoingMessage(Purpose.ABSENCE_STREAK, source,
                    Recipient.user(contact.userId(), contact.name(), contact.email(), contact.phone()), variables,
                    null));
        }
        for (UUID unknown : people) {
            if (!known.contains(unknown)) {
                deliveries.queue(new OutgoingMessage(Purpose.ABSENCE_STREAK, source,
                        Recipient.user(unknown, null, null, null), variables, null));
            }
        }
        notifications.sendToEach(people, "Repeated absences",
                name + " has been absent " + run.absences() + " times in a row from " + batchName + ", since "
                        + since + ".",
                Notification.Type.WARNING, "/batches/" + batchId + "/attendance");
        log.info("{} absences in a row of student {} in batch {} since {}: told {} people", run.absences(), student,
                batchId, run.from(), people.size());
    }

    /** The student's name, or the words given when the directory has none. */
    private String studentName(UUID student, String unknown) {
        return directory.name(student).filter(name -> !name.isBlank()).orElse(unknown);
    }

    private static LocalDate date(String value) {
        if (value == null) {
            throw new MalformedEvent("AttendanceMarked without a date");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEvent("AttendanceMarked's date is not an ISO date: " + value);
        }
    }

    /** A kept mark. */
    record Dated(LocalDate date, String status) {
    }

    /** A run of absences (EXCUSED sessions may lie inside) from its first absence to its last. */
    record Run(LocalDate from, LocalDate to, int absences) {
    }

    /** The fields of enrollment-service's AttendanceMarked used here. */
    record Marked(String batchId, String date, List<Mark> records) {
    }

    /** One student's mark: PRESENT, ABSENT, LATE or EXCUSED. */
    record Mark(String studentId, String status) {
    }
}
