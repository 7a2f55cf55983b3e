package dev.coachos.communication.todo;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A todo to make. Without {@code assigneeId} it is the caller's own; {@code priority} is MEDIUM
 * unless given. {@code relatedType} and {@code relatedId} go together, such as {@code LEAD} and the
 * lead's id.
 */
public record NewTodo(
        @NotBlank @Size(max = 2000) String description,
        LocalDate dueDate,
        Todo.Priority priority,
        UUID assigneeId,
        @Pattern(regexp = Todos.RELATED_TYPE, message = "must be an upper-case name such as LEAD, QUERY or STUDENT")
        String relatedType,
        UUID relatedId) {
}
