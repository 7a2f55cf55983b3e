package dev.coachos.communication.todo;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Todos: any signed-in user keeps their own and reads those given to them; who may give one to others is the service's rule. */
@RestController
@RequestMapping("/api/v1/todos")
class TodoController {

    private final Todos todos;

    TodoController(Todos todos) {
        this.todos = todos;
    }

    @PostMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Make a todo, your own or (staff and teachers) for someone else, who is told")
    ResponseEntity<Todo> create(@Valid @RequestBody NewTodo todo) {
        Todo created = todos.create(todo, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/todos/" + created.id())).body(created);
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "List the todos you made or were given, newest first unless sorted by dueDate or priority")
    PageResponse<Todo> list(@RequestParam(required = false) String assignee,
            @RequestParam(required = false) Todo.Status status,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
            @RequestParam(required = false) String relatedType,
            @RequestParam(required = false) UUID relatedId,
            Paging paging) {
        Caller caller = Caller.current();
        if (relatedType != null && !relatedType.matches(Todos.RELATED_TYPE)) {
            throw Problems.invalidField("relatedType", "must be an upper-case name such as LEAD, QUERY or STUDENT");
        }
        return todos.list(new Todos.Filter(assigneeOf(assignee, caller), status, overdue, dueBefore, relatedType,
                relatedId), caller, paging);
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Read a todo you made or were given")
    Todo one(@PathVariable UUID id) {
        return todos.get(id, Caller.current());
    }

    @PatchMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Change an open todo (only its maker gives it to someone else)")
    Todo change(@PathVariable UUID id, @Valid @RequestBody TodoChange change) {
        return todos.change(id, change, Caller.current());
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Mark a todo DONE or CANCELLED, or reopen it (OPEN)")
    Todo status(@PathVariable UUID id, @Valid @RequestBody StatusChange change) {
        return todos.changeStatus(id, change.status(), Caller.current());
    }

    /** The new status of a todo. */
    record StatusChange(@NotNull Todo.Status status) {
    }

    private static UUID assigneeOf(String assignee, Caller caller) {
        if (assignee == null || assignee.isBlank()) {
            return null;
        }
        if (assignee.equals("me")) {
            return caller.userId();
        }
        try {
            return UUID.fromString(assignee);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("assignee", "must be me or a user's id");
        }
    }
}
