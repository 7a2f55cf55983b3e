package dev.coachos.communication.todo;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A change to an open todo: only the fields given change. {@code clearDueDate} and
 * {@code clearRelated} remove the due date and the related record. Only the creator gives the todo
 * to someone else ({@code assigneeId}).
 */
public record TodoChange(
        @Size(min = 1, max = 2000) String description,
        LocalDate dueDate,
        Boolean clearDueDate,
        Todo.Priority priority,
        UUID assigneeId,
        @Pattern(regexp = Todos.RELATED_TYPE, message = "must be an upper-case name such as LEAD, QUERY or STUDENT")
        String relatedType,
        UUID relatedId,
        Boolean clearRelated) {
}
