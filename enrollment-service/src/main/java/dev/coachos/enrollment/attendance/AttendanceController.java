package dev.coachos.enrollment.attendance;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/** Attendance: marked by a batch's teacher or branch staff ({@code manage:attendance}); read within reach. */
@RestController
class AttendanceController {

    private final AttendanceSheets sheets;

    AttendanceController(AttendanceSheets sheets) {
        this.sheets = sheets;
    }

    @PostMapping("/api/v1/attendance")
    @PreAuthorize("@permissions.allow('manage:attendance')")
    @Operation(summary = "Mark a session's attendance for a batch")
    AttendanceSession mark(@Valid @RequestBody MarkAttendance marking) {
        return sheets.mark(marking, Caller.current());
    }

    @GetMapping("/api/v1/attendance")
    @PreAuthorize("@permissions.allow('manage:attendance') or @permissions.allow('read:attendance')")
    @Operation(summary = "Read one session's attendance")
    AttendanceSession read(@RequestParam UUID batchId, @RequestParam LocalDate date,
            @RequestParam(required = false) UUID lessonId) {
        return sheets.read(batchId, date, lessonId, Caller.current());
    }

    @GetMapping("/api/v1/attendance/students/{studentId}/summary")
    @PreAuthorize("@permissions.allow('read:courses') or @permissions.allow('read:attendance')")
    @Operation(summary = "Summarise a student's attendance over a date range")
    AttendanceSummary student(@PathVariable UUID studentId, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return sheets.ofStudent(studentId, from, to, Caller.current());
    }

    @GetMapping("/api/v1/attendance/batches/{batchId}/summary")
    @PreAuthorize("@permissions.allow('manage:attendance') or @permissions.allow('read:attendance')")
    @Operation(summary = "Summarise a batch's attendance over a date range, per student")
    AttendanceSummary batch(@PathVariable UUID batchId, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return sheets.ofBatch(batchId, from, to, Caller.current());
    }
}
