package dev.coachos.finance.dues;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;

/** What is owed, per student and by age; and the dues reminders run on demand. */
@RestController
class DuesController {

    private final Dues dues;
    private final DuesReminders reminders;

    DuesController(Dues dues, DuesReminders reminders) {
        this.dues = dues;
        this.reminders = reminders;
    }

    @GetMapping("/api/v1/dues")
    @Operation(summary = "Dues per student in the caller's reach, with ageing (1-30, 31-60, 61-90, 90+ days past due); paged and sortable")
    PageResponse<Dues.StudentDues> perStudent(@RequestParam(required = false) UUID branchId,
            @RequestParam(required = false) UUID studentId,
            @RequestParam(defaultValue = "false") boolean overdueOnly, Paging paging) {
        return dues.perStudent(branchId, studentId, overdueOnly, Caller.current(), paging);
    }

    @GetMapping("/api/v1/dues/ageing")
    @Operation(summary = "Everything owed in the caller's reach by age, per branch")
    List<Dues.BranchAgeing> ageing(@RequestParam(required = false) UUID branchId) {
        return dues.ageing(branchId, Caller.current());
    }

    @PostMapping("/api/v1/dues/reminders")
    @PreAuthorize("@permissions.allow('manage:fees') and @permissions.allow('access:all_branches')")
    @Operation(summary = "Run the daily dues reminders now (head office): InstallmentDue and InstallmentOverdue, each (installment, level) once")
    DuesReminders.Run run() {
        return reminders.run(null);
    }
}
